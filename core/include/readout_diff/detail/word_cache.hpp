#pragma once
// Surface forms already normalised and stemmed, by their text: a word is read once per comparison.
#include <cstdint>
#include <string>
#include <unordered_map>

namespace readout_diff {

struct CachedWord {
  std::uint32_t word, stem;  // Vocabulary ids
  bool stopword;
};
using WordCache = std::unordered_map<std::string, CachedWord>;

}  // namespace readout_diff
