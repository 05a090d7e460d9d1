#pragma once
// Stage 3b, featurise: each sentence of a document becomes tokens (the Tokenizer's), content stems,
// character trigrams, and the lexicon's concepts, commitment cues, actors and reporting verbs.
#include "readout_diff/detail/compiled_lexicon.hpp"
#include "readout_diff/detail/document.hpp"
#include "readout_diff/detail/features.hpp"
#include "readout_diff/detail/tokenizer.hpp"
#include "readout_diff/detail/vocabulary.hpp"
#include "readout_diff/detail/word_cache.hpp"

namespace readout_diff {

// One per comparison: it keeps the words of both documents in one vocabulary, on top of the
// compiled lexicon's. Cheap to make: the costly parts are the tokenizer's.
class Analyzer {
 public:
  // Both must outlive the analyzer (the engine's lexicon is built in and lives as long as the
  // process; its tokenizers as long as their thread).
  Analyzer(const CompiledLexicon& lexicon, Tokenizer& tokenizer);

  // An error only when ICU fails on a sentence's words.
  Result<DocumentFeatures> analyze(const Document& document);
  const Vocabulary& vocabulary() const { return vocabulary_; }
  const CompiledLexicon& lexicon() const { return lexicon_; }

 private:
  const CompiledLexicon& lexicon_;
  Tokenizer& tokenizer_;
  Vocabulary vocabulary_;
  WordCache word_cache_;
};

}  // namespace readout_diff
