#pragma once
// Part of stage 3a (tokenizer.hpp), normalise and stem: one spelling per word, so that variants
// compare equal.
#include <memory>
#include <string>
#include <string_view>

#include "readout_diff/result.hpp"

namespace readout_diff {

class WordNormalizer {
 public:
  static Result<WordNormalizer> create();

  // ICU NFKC_Casefold, then the Devanagari variants Hindi writers use interchangeably:
  // nukta dropped (ज़ → ज), chandrabindu as anusvara (ँ → ं), a nasal consonant with virama
  // before a stop of its class as anusvara (सम्बन्ध → संबंध), Devanagari digits as ASCII digits.
  std::string normalize(std::string_view word) const;

 private:
  struct Icu;
  explicit WordNormalizer(std::shared_ptr<const Icu> icu) : icu_(std::move(icu)) {}
  std::shared_ptr<const Icu> icu_;
};

// Snowball's English and Hindi stemmers, chosen by script. Input must be normalised.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string stem(std::string_view normalized_word);

 private:
  struct Environments;
  std::unique_ptr<Environments> environments_;
};

}  // namespace readout_diff
