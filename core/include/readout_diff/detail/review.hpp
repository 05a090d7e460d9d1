#pragma once
// Stage 5b, review: the analyst's decisions about the alignment (the `review` compare option),
// applied after stage 5 and before stage 6, so the commitments' fates, the summary and everything
// after them follow the decisions. Each decision is reported back with whether it applied.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "readout_diff/detail/aligner.hpp"
#include "readout_diff/detail/analyzed_document.hpp"
#include "readout_diff/detail/compiled_lexicon.hpp"
#include "readout_diff/detail/vocabulary.hpp"

namespace readout_diff {

// reject: the engine's link between exactly `a` and `b` is removed; accept: it stays, confirmed;
// relation: it stays with `relation`; link: `a` and `b` are linked by hand with `relation`.
enum class ReviewAction { accept, reject, relation, link };
const char* to_string(ReviewAction action);

struct ReviewDecision {
  ReviewAction action = ReviewAction::accept;
  std::vector<std::size_t> a, b;       // sentence ids, ascending and distinct, none empty
  std::optional<Relation> relation;    // set for relation and link only
  // The sentences' texts when the decision was made, if given: a decision whose sentences no
  // longer have these texts (an edited readout, another segmentation) is not applied.
  std::optional<std::vector<std::string>> a_text, b_text;
};

struct ReviewOutcome {
  ReviewDecision decision;
  bool applied = false;
  std::string reason;  // why not, for a person, when not applied
};

// Applies the decisions in order to `alignment`: links removed, confirmed, changed or added, each
// changed link marked `by_analyst`; links stay in align()'s order and a sentence linked now has no
// near misses. One outcome per decision, in order. Deterministic.
std::vector<ReviewOutcome> apply_review(const AnalyzedDocument& a, const AnalyzedDocument& b, const Vocabulary& vocabulary,
                                        const CompiledLexicon& lexicon, const AlignOptions& options,
                                        const std::vector<ReviewDecision>& decisions, Alignment& alignment);

}  // namespace readout_diff
