#pragma once
// The engine's one entry point for every front end (CLI, wasm, tests): text in, JSON out.
// Both functions never throw and never abort on user input; a problem becomes a JSON error object:
//   {"schema":"readout-diff/1","error":{"code":"invalid_utf8","side":"a","message":"…","offset":12,
//    "line":1,"column":13}}
#include <string>
#include <string_view>

namespace readout_diff {

inline constexpr const char* kReportSchema = "readout-diff/1";

// Compares readout A (earlier / reference) with readout B. `options_json` may be empty or "{}";
// see CompareOptions in options.hpp for the keys. Returns the readout-diff/1 report.
std::string compare_json(std::string_view a, std::string_view b, std::string_view options_json);

// Segments one readout; returns {"schema":…,"sentences":[…]} or an error object.
std::string segment_json(std::string_view text, std::string_view options_json);

}  // namespace readout_diff
