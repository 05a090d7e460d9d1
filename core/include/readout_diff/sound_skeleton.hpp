#pragma once
// Part of stage 3b, featurise: how a word sounds, reduced to its consonants, so that a name or
// loanword written in Devanagari meets the same word in Latin letters ("वांग यी" / "Wang Yi",
// "पैंगोंग" / "Pangong", "कमांडर" / "commander").
#include <string>
#include <string_view>

namespace readout_diff {

// The word's consonant skeleton in a small Latin alphabet (vowels, aspiration and doubled letters
// dropped; letters a reader would hear alike merged, such as v/w, c/k/q, the dental and the
// retroflex t), or empty when it keeps fewer than kShortestSkeleton letters. `normalized_word` is
// the normaliser's output: lower case, Devanagari nukta folded.
constexpr std::size_t kShortestSkeleton = 3;
std::string sound_skeleton(std::string_view normalized_word);

}  // namespace readout_diff
