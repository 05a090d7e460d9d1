#pragma once
// Words that negate what they stand next to, in English and Hindi (normalised forms), from
// core/data/negations.txt. Internal to the core: the aligner (a negation on one side only changes
// a restatement) and the commitment classifier (a negated cue commits to nothing) read the same list.
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "word_list.hpp"

extern const unsigned char readout_negations[];
extern const std::size_t readout_negations_size;

namespace readout_diff {

inline bool is_negation(std::string_view word) {
  static const std::vector<std::string_view> kNegations = word_list(readout_negations, readout_negations_size);
  return std::find(kNegations.begin(), kNegations.end(), word) != kNegations.end();
}

}  // namespace readout_diff
