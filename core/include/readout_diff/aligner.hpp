#pragma once
// Stage 4, align: which sentences of A correspond to which of B, across paraphrase, reordering,
// splits and merges, and across Hindi and English (through the lexicon's concepts).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "readout_diff/document.hpp"
#include "readout_diff/features.hpp"

namespace readout_diff {

struct AlignOptions {
  // A pair of sentences in the same language needs this similarity (0..1) to be linked.
  double min_link_score = 0.24;
  // The same for a Hindi–English pair, which can only meet through concepts and numbers.
  double min_cross_language_score = 0.25;
  // A link at or above this similarity, with no change of substance, is "repeated".
  double repeated_min_score = 0.55;
  // A pair is kept when its score is at least this fraction of the best score of either of its
  // sentences. At 1, every sentence links to its best partner; a sentence that is the best partner
  // of several others gathers them all, which is how splits and merges appear.
  double partner_ratio = 1.0;
  // Candidates scored in full per sentence of A, out of those sharing features with it.
  std::size_t candidates_per_sentence = 12;
  // Postings read per feature: a feature in more sentences than this is read only near the
  // sentence's expected position, which keeps the search near-linear on long documents.
  std::size_t max_postings_per_feature = 48;
};

enum class Relation { repeated, modified };
const char* to_string(Relation relation);

struct LinkEvidence {
  std::vector<std::uint32_t> shared_stems;  // Vocabulary ids
  std::vector<std::uint32_t> concepts;      // lexicon concept indices found on both sides
  double stem_overlap = 0;                  // weighted Dice over content stems
  double trigram_overlap = 0;               // weighted Dice over character trigrams
  double concept_overlap = 0;               // weighted Dice over concepts
  bool cross_language = false;
  std::vector<const char*> changes;         // why a link is "modified": "numbers", "negation", …
};

struct Link {
  std::vector<std::size_t> a;  // sentence indices, ascending
  std::vector<std::size_t> b;
  Relation relation = Relation::modified;
  double score = 0;
  LinkEvidence evidence;
};

// Links in order of their first sentence in A, then in B. Deterministic.
std::vector<Link> align(const Document& a, const DocumentFeatures& fa, const Document& b, const DocumentFeatures& fb,
                        const Vocabulary& vocabulary, const CompiledLexicon& lexicon, const AlignOptions& options);

}  // namespace readout_diff
