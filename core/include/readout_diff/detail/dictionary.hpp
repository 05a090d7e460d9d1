#pragma once
// A bilingual dictionary in the dictd format FreeDict publishes (Debian's dict-freedict-eng-hin):
// an index of headwords with the base64 offsets and lengths of their entries, and the entries'
// text (the .dict.dz, decompressed by the build). Read by the lexicon compiler at build time only.
#include <string>
#include <string_view>
#include <vector>

#include "readout_diff/result.hpp"

namespace readout_diff {

// One sense of one headword: "agree" → "सहमत होना".
struct Translation {
  std::string english;
  std::string hindi;
};

// Every numbered sense of every single-word headword, in index order. An error names the index
// line at fault.
Result<std::vector<Translation>> parse_dictd(std::string_view index, std::string_view entries);

}  // namespace readout_diff
