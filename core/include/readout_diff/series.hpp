#pragma once
// Track, over the pairwise stages: statements and commitments across a series of readouts. Each
// readout is compared by the pairwise pipeline (stages 1 to 5) with the next ones within a window,
// and the links are joined into threads, one per point that recurs (docs/series.md has the rules).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "readout_diff/engine.hpp"

namespace readout_diff {

inline constexpr const char* kSeriesSchema = "readout-diff-series/1";
inline constexpr std::size_t kMinSeriesReadouts = 2;
inline constexpr std::size_t kMaxSeriesReadouts = 100;
inline constexpr std::size_t kDefaultSeriesWindow = 3;

// `texts` in series order (earliest first) with their `names` (file names; shown in the report and
// in errors). Each readout is compared with the next `window` readouts (1 to kMaxSeriesReadouts -
// 1). `options_json` is compare()'s. Gives the readout-diff-series/1 report, or its error object:
//   {"schema":"readout-diff-series/1","error":{"code":"invalid_utf8","readout":2,"name":"…",
//    "message":"Readout 3 of 5 (…): …","offset":12,"line":1,"column":13}}
// ("readout" is the index in `texts`, from 0). Never throws.
EngineOutput track(const std::vector<std::string_view>& texts, const std::vector<std::string>& names, std::size_t window,
                   std::string_view options_json);

}  // namespace readout_diff
