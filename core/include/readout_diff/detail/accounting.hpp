#pragma once
// Stage 6, account: the fate of every commitment of both sides, once the links are known.
#include <cstddef>
#include <vector>

#include "readout_diff/detail/aligner.hpp"
#include "readout_diff/detail/analyzed_document.hpp"

namespace readout_diff {

enum class Fate { repeated, modified, dropped, added };
const char* to_string(Fate fate);  // "repeated", "modified", "dropped", "new"

enum class Side { a, b };

struct CommitmentFate {
  Side side = Side::a;
  std::size_t sentence = 0;
  Fate fate = Fate::dropped;
  // The other side's linked sentences that commit too (repeated, modified); for a commitment
  // dropped or added inside a link, the linked sentences that commit to nothing.
  std::vector<std::size_t> counterparts;
  // What changed against the counterpart: "polarity", "actor", "strength", "numbers".
  std::vector<const char*> changes;
};

// A's commitments in order, then B's. A commitment is repeated or modified when a sentence it is
// linked to commits too (modified when the link is, or the polarity or the party changed); dropped
// (A) or new (B) when no linked sentence commits, even if the sentence itself is linked.
std::vector<CommitmentFate> account_commitments(const AnalyzedDocument& a, const AnalyzedDocument& b, const std::vector<Link>& links);

}  // namespace readout_diff
