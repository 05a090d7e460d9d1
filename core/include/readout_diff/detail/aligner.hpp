#pragma once
// Stage 5, align: which sentences of A correspond to which of B, across paraphrase, reordering,
// splits and merges, and across Hindi and English (through the lexicon's concepts).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "readout_diff/detail/analyzed_document.hpp"
#include "readout_diff/detail/document.hpp"
#include "readout_diff/detail/compiled_lexicon.hpp"
#include "readout_diff/detail/features.hpp"
#include "readout_diff/detail/vocabulary.hpp"
#include "readout_diff/detail/link_model.hpp"

namespace readout_diff {

struct AlignOptions {
  // Weighs the evidence about each candidate pair into a confidence (0..1).
  LinkModel model;
  // The confidence a pair needs to be linked; unset, the model's own threshold.
  std::optional<double> min_link_score;
  // The same for a Hindi–English pair.
  std::optional<double> min_cross_language_score;
  // A link whose wording is at least this similar (0..1), with no change of substance, is "repeated".
  double repeated_min_score = 0.55;
  // A pair is kept when its confidence is at least this fraction of the best confidence of either
  // of its sentences. At 1, every sentence links to its best partner; a sentence that is the best
  // partner of several others gathers them all, which is how splits and merges appear.
  double partner_ratio = 0.5;
  // Partners a sentence keeps at most, its likeliest (a pair must be within this for both its sentences).
  std::size_t max_partners = 3;
  // Candidates weighed in full per sentence, out of those sharing features with it (searched
  // from A's sentences and from B's).
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
  double similarity = 0;                    // how alike the wording is (0..1): decides repeated vs modified
  bool cross_language = false;
  std::vector<const char*> changes;         // why a link is "modified": "numbers", "negation", …
};

struct Link {
  std::vector<std::size_t> a;  // sentence indices, ascending
  std::vector<std::size_t> b;
  Relation relation = Relation::modified;
  double confidence = 0;  // the link model's, for the likeliest pair of the link
  LinkEvidence evidence;
  bool by_analyst = false;  // made, kept or changed by the analyst's review (review.hpp)
};

// A pair the candidate search found, with the evidence the link model weighs.
struct CandidatePair {
  std::size_t a = 0, b = 0;  // sentence indices
  double similarity = 0;
  bool cross_language = false;
  LinkFeatures features{};
};

// Every candidate pair, in order of A's sentence, then B's. Deterministic.
std::vector<CandidatePair> link_candidates(const AnalyzedDocument& a, const AnalyzedDocument& b, const Vocabulary& vocabulary,
                                           const CompiledLexicon& lexicon, const AlignOptions& options);

// A pair the engine weighed but did not link.
struct NearMiss {
  std::size_t sentence = 0;  // on the other side
  double confidence = 0;
};

// The order of an alignment's links: by their first sentence in A, then in B (then by all their
// sentences, so that no two links tie).
bool in_link_order(const Link& x, const Link& y);

struct Alignment {
  // In order of their first sentence in A, then in B (in_link_order).
  std::vector<Link> links;
  // Per sentence of A and of B left unlinked, its likeliest partners under the threshold, most
  // likely first, at most kNearMissesPerSentence: what the engine nearly linked.
  std::vector<std::vector<NearMiss>> near_a, near_b;
};
constexpr std::size_t kNearMissesPerSentence = 2;

// Deterministic.
Alignment align(const AnalyzedDocument& a, const AnalyzedDocument& b, const Vocabulary& vocabulary,
                        const CompiledLexicon& lexicon, const AlignOptions& options);

// The sentences of a link to be made (ascending, none empty).
struct LinkSentences {
  std::vector<std::size_t> a, b;
};

// Links the analyst makes by hand (review.cpp): each group of sentences measured as align()
// measures its own links (evidence, changes, the relation the engine would give it), with the
// link model's confidence for its likeliest pair among the candidates the search found (0 when it
// found none of them: nothing the engine weighs is shared). Deterministic.
std::vector<Link> measure_links(const AnalyzedDocument& a, const AnalyzedDocument& b, const Vocabulary& vocabulary,
                                const CompiledLexicon& lexicon, const AlignOptions& options,
                                const std::vector<LinkSentences>& groups);

}  // namespace readout_diff
