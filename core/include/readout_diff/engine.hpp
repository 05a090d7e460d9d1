#pragma once
// The engine's one entry point for every front end (CLI, wasm, tests): text in, a typed
// Comparison or JSON out. No function throws or aborts on user input; a problem becomes an
// InputError, or as JSON an error object:
//   {"schema":"readout-diff/1","error":{"code":"invalid_utf8","side":"a","message":"…","offset":12,
//    "line":1,"column":13}}
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readout_diff/detail/comparison.hpp"
#include "readout_diff/detail/link_model.hpp"
#include "readout_diff/detail/series.hpp"
#include "readout_diff/detail/text_input.hpp"

namespace readout_diff {

inline constexpr const char* kReportSchema = "readout-diff/1";

// What stopped a comparison: the problem, the readout it is in (unset: the options or the
// engine's own set-up), and the line and column of error.byte_offset in that readout.
struct InputError {
  Error error;
  std::optional<Side> side;
  std::optional<TextPosition> position;
};

// Compares readout A (earlier / reference) with readout B: the stages of docs/engine.md in
// order. `options_json` as for compare(); `model` replaces the built-in link model (evaluation
// and fitting only). The Comparison's texts are views into `a` and `b`.
Result<Comparison, InputError> compare_documents(std::string_view a, std::string_view b, std::string_view options_json,
                                                 const LinkModel* model = nullptr);
// The readout-diff/1 report of a comparison, and the error object of an error.
std::string to_json(const Comparison& comparison);
std::string to_json(const InputError& error);

struct EngineOutput {
  std::string json;
  bool is_error = false;  // `json` is then the error object
};

// Compares readout A (earlier / reference) with readout B. `options_json` may be empty or a JSON
// object with any of: max_bytes, min_link_score, min_cross_language_score, repeated_min_score,
// partner_ratio, review (the analyst's decisions; see README.md and docs/engine.md). Gives the readout-diff/1 report: compare_documents() as JSON.
EngineOutput compare(std::string_view a, std::string_view b, std::string_view options_json);
inline std::string compare_json(std::string_view a, std::string_view b, std::string_view options_json) {
  return compare(a, b, options_json).json;
}

// For fitting: the candidate pairs the aligner weighs, named by their sentences' byte spans, with
// the evidence the link model combines. An error for input compare() would refuse.
struct SpanPairFeatures {
  std::size_t a_start, a_end, b_start, b_end;
  LinkFeatures features;
};
struct LinkCandidates {
  bool cross_language = false;  // the documents' languages differ, as the report's a.language and b.language
  std::vector<SpanPairFeatures> pairs;
};
Result<LinkCandidates> link_candidates_of(std::string_view a, std::string_view b);

// Segments and classifies one readout (stages 1 to 4); an error has no side.
Result<Segmentation, InputError> segment_document(std::string_view text, std::string_view options_json);
std::string to_json(const Segmentation& segmentation);

// segment_document() as JSON: {"schema":…,"language":…,"sentences":[…]} or an error object.
EngineOutput segment(std::string_view text, std::string_view options_json);
inline std::string segment_json(std::string_view text, std::string_view options_json) {
  return segment(text, options_json).json;
}

// Does the set-up now instead of in the first compare() or segment(): the lexicon, once per
// process, and ICU's iterators (the segmenter and the tokenizer), once per thread, this thread's.
// A front end calls it while it waits for its first input (the page's worker does, while the page
// is still loading). A set-up error is not lost: the next call reports it as its error.
void prepare();

// For a front end whose text is UTF-16 (JavaScript strings, through embind): the UTF-8 the
// functions above take. An unpaired surrogate becomes bytes those functions reject as invalid
// UTF-8 at its place, so no text is silently altered.
std::string utf8_from_utf16(std::u16string_view text);

// Track: statements and commitments across a series of readouts. Each readout is compared by
// the pairwise pipeline (stages 1 to 5) with the next ones within a window, and the links are
// joined into threads, one per point that recurs (docs/series.md has the rules).
inline constexpr const char* kSeriesSchema = "readout-diff-series/1";
inline constexpr std::size_t kMinSeriesReadouts = 2;
inline constexpr std::size_t kMaxSeriesReadouts = 100;
inline constexpr std::size_t kDefaultSeriesWindow = 3;

// What stopped a series: the problem, whose message names the readout it is in ("Readout 3 of
// 5 (name): …"); that readout (unset: the series as a whole, the options or the engine's own
// set-up), and the line and column of error.byte_offset in its text.
struct SeriesReadout {
  std::size_t index;  // in `texts`, from 0
  std::string name;
};
struct SeriesError {
  Error error;
  std::optional<SeriesReadout> readout;
  std::optional<TextPosition> position;
};

// `texts` in series order (earliest first) with their `names` (file names; shown in the report and
// in errors). Each readout is compared with the next `window` readouts (1 to kMaxSeriesReadouts -
// 1). `options_json` is compare()'s. The Series's texts are views into `texts`.
Result<Series, SeriesError> track_series(const std::vector<std::string_view>& texts, const std::vector<std::string>& names,
                                         std::size_t window, std::string_view options_json);
// The readout-diff-series/1 report of a series.
std::string to_json(const Series& series);
// The error object of a series error:
//   {"schema":"readout-diff-series/1","error":{"code":"invalid_utf8","readout":2,"name":"…",
//    "message":"Readout 3 of 5 (…): …","offset":12,"line":1,"column":13}}
std::string to_json(const SeriesError& error);

// track_series() as JSON: the report or the error object. Never throws.
EngineOutput track(const std::vector<std::string_view>& texts, const std::vector<std::string>& names, std::size_t window,
                   std::string_view options_json);

}  // namespace readout_diff
