#pragma once
// Stage 8, compare: everything the engine found about a pair of readouts, typed. The stages before
// it work it out (comparison.cpp assembles their results); report.cpp only writes it as
// readout-diff/1 JSON. Its sentences' texts are views into the two texts compared, which must
// outlive it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "readout_diff/detail/accounting.hpp"
#include "readout_diff/detail/aligner.hpp"
#include "readout_diff/detail/analyzed_document.hpp"
#include "readout_diff/detail/review.hpp"
#include "readout_diff/detail/word_diff.hpp"

namespace readout_diff {

// A sentence as a report shows it: where it is and what kind, its language, its concepts and its
// commitment (what is left of stages 2 to 4 once the words have done their work).
struct ClassifiedSentence {
  Sentence sentence;
  Language language = Language::en;
  std::vector<std::uint32_t> concepts;  // lexicon concept indices, ascending
  std::optional<Commitment> commitment;
};

// One readout segmented and classified, without the alignment: segment()'s answer.
struct Segmentation {
  Language language = Language::en;
  std::vector<ClassifiedSentence> sentences;
  const CompiledLexicon* lexicon = nullptr;  // names the sentences' concepts
};
Segmentation segmentation_of(const AnalyzedDocument& side, const CompiledLexicon& lexicon);

// How one sentence fared in the alignment.
struct SentenceOutcome {
  std::vector<std::size_t> links;  // ids of the links it is in, ascending
  // Unset: unmatched (dropped from A, new in B). Repeated when any of its links is, else modified.
  std::optional<Relation> relation;
  std::vector<NearMiss> possible_counterparts;  // what the aligner nearly linked it to
};

struct ComparedSide {
  Language language = Language::en;
  std::vector<ClassifiedSentence> sentences;
  std::vector<SentenceOutcome> outcomes;  // one per sentence
};

// The word diff of a link: none across languages, none for identical wording (it would repeat
// the text), and none when a side has more than kMaxDiffWords words (`omitted`).
struct LinkDiff {
  std::vector<DiffRun> runs;
  bool omitted = false;
};

struct ComparedLink {
  Link link;
  std::vector<std::string> shared_stems;  // link.evidence.shared_stems, as text
  std::vector<std::string> concepts;      // link.evidence.concepts, as lexicon concept ids
  LinkDiff diff;
};

struct SideSummary {
  std::size_t sentences = 0, commitments = 0, kept = 0, unmatched = 0;
};

struct ComparisonSummary {
  SideSummary a, b;
  std::size_t repeated_links = 0, modified_links = 0;
  // A's commitments repeated, modified or dropped, and B's new ones.
  std::size_t commitments_repeated = 0, commitments_modified = 0, commitments_dropped = 0, commitments_new = 0;
};

struct Comparison {
  ComparedSide a, b;
  std::vector<ComparedLink> links;           // a link's id is its index
  std::vector<CommitmentFate> commitments;   // A's in order, then B's
  ComparisonSummary summary;
  // What became of each of the analyst's decisions (the review option), which everything above
  // follows; unset when the comparison had no review option.
  std::optional<std::vector<ReviewOutcome>> review;
  const CompiledLexicon* lexicon = nullptr;  // names the sentences' concepts
};

// Stages 7 and 8: the links' word diffs, every sentence's outcome and the counts, from the analysed
// sides, their alignment and the commitments' fates. `vocabulary` spells the stems. The sides'
// words are not kept: a report does not need them, and on long readouts they are most of the memory.
Comparison assemble_comparison(const AnalyzedDocument& a, const AnalyzedDocument& b, Alignment alignment,
                               std::vector<CommitmentFate> fates, const Vocabulary& vocabulary,
                               const CompiledLexicon& lexicon);

}  // namespace readout_diff
