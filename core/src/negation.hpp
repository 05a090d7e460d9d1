#pragma once
// Words that negate what they stand next to, in English and Hindi (normalised forms). Internal to
// the core: the aligner (a negation on one side only changes a restatement) and the commitment
// classifier (a negated cue commits to nothing) read the same list.
#include <string_view>

namespace readout_diff {

inline bool is_negation(std::string_view word) {
  constexpr std::string_view kNegations[] = {"not", "no", "never", "neither", "nor", "without",
                                             "नहीं", "न", "ना", "मत", "बिना"};
  for (std::string_view negation : kNegations) {
    if (word == negation) return true;
  }
  return false;
}

}  // namespace readout_diff
