#pragma once
// Stage 3a, tokenise: text to Tokens, with ICU's word break, the normaliser and the stemmers. The
// Analyzer (a readout's features) and the lexicon compiler (the lexicon's phrases) share it, so a
// phrase and a readout's words are read alike.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "readout_diff/detail/normalizer.hpp"
#include "readout_diff/result.hpp"
#include "readout_diff/detail/token.hpp"
#include "readout_diff/detail/vocabulary.hpp"
#include "readout_diff/detail/word_cache.hpp"

namespace readout_diff {

// Where Tokenizer::tokens looks words up and keeps the new ones.
struct WordBook {
  Vocabulary& vocabulary;              // new words and stems are interned here
  WordCache& cache;                    // the surfaces this book has read
  const std::vector<bool>& stopwords;  // by word id
  const WordCache* known = nullptr;    // surfaces read before (the compiled lexicon's), looked up first
};

// Building one loads ICU's word rules, so the engine builds one per thread (pipeline.cpp) and
// every Analyzer borrows it. Not thread-safe.
class Tokenizer {
 public:
  static Result<std::unique_ptr<Tokenizer>> create();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  struct Word {
    std::size_t start = 0, end = 0;  // byte span in the text given
    bool number = false;
  };
  // The words of `text`, in order, without the spaces and punctuation between them.
  Result<std::vector<Word>> words(std::string_view text);
  // The words of `text` as tokens, their spans shifted by `offset` (the text's place in its document).
  Result<std::vector<Token>> tokens(std::string_view text, std::size_t offset, WordBook& book);

 private:
  struct Icu;
  Tokenizer(std::unique_ptr<Icu> icu, WordNormalizer normalizer);
  std::unique_ptr<Icu> icu_;
  WordNormalizer normalizer_;
  Stemmer stemmer_;
};

}  // namespace readout_diff
