#pragma once
// The engine's one entry point for every front end (CLI, wasm, tests): text in, JSON out.
// Both functions never throw and never abort on user input; a problem becomes a JSON error object:
//   {"schema":"readout-diff/1","error":{"code":"invalid_utf8","side":"a","message":"…","offset":12,
//    "line":1,"column":13}}
#include <string>
#include <string_view>

namespace readout_diff {

inline constexpr const char* kReportSchema = "readout-diff/1";

struct EngineOutput {
  std::string json;
  bool is_error = false;  // `json` is then the error object
};

// Compares readout A (earlier / reference) with readout B. `options_json` may be empty or a JSON
// object with any of: max_bytes, min_link_score, min_cross_language_score, repeated_min_score,
// partner_ratio (see README.md). Gives the readout-diff/1 report.
EngineOutput compare(std::string_view a, std::string_view b, std::string_view options_json);
inline std::string compare_json(std::string_view a, std::string_view b, std::string_view options_json) {
  return compare(a, b, options_json).json;
}

// Segments one readout: {"schema":…,"language":…,"sentences":[…]} or an error object.
EngineOutput segment(std::string_view text, std::string_view options_json);
inline std::string segment_json(std::string_view text, std::string_view options_json) {
  return segment(text, options_json).json;
}

// Does the once-per-process set-up now (the lexicon and ICU's iterators) instead of in the first
// compare() or segment(): a front end calls it while it waits for its first input (the page's
// worker does, while the page is still loading). A set-up error is not lost: the next call
// reports it as its JSON error.
void prepare();

}  // namespace readout_diff
