#pragma once
// What stage 3b (analyzer.hpp) finds in a sentence and in a document: the tokens and the features
// the aligner and the classifier read, and the language.
#include <cstdint>
#include <vector>

#include "readout_diff/detail/phrase_index.hpp"
#include "readout_diff/detail/token.hpp"

namespace readout_diff {

enum class Language { en, hi, mixed };
const char* to_string(Language language);

struct SentenceFeatures {
  std::vector<Token> tokens;
  std::vector<std::uint32_t> content_stems;  // sorted, unique: stems of content words and numbers
  std::vector<std::uint32_t> trigrams;       // sorted, unique: hashed character trigrams of content words
  std::vector<std::uint32_t> concepts;       // sorted, unique: lexicon concept indices
  std::vector<std::uint32_t> names;          // sorted, unique: stems of capitalised Latin words past the first
  std::vector<PhraseMatch> cues;             // commitment cues, in text order
  std::vector<PhraseMatch> actors;           // actor mentions, in text order
  std::vector<PhraseMatch> reports;          // reporting verbs ("said"), in text order
  Language language = Language::en;
};

struct DocumentFeatures {
  std::vector<SentenceFeatures> sentences;
  Language language = Language::en;
};

}  // namespace readout_diff
