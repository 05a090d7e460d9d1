#pragma once
// The pairwise pipeline's set-up, shared by the entry points (engine.cpp for a pair, series.cpp
// for a series): options, the lexicon, ICU's iterators, one side analysed, and the JSON error
// object. Internal to the core.
#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>

#include "readout_diff/detail/aligner.hpp"
#include "readout_diff/engine.hpp"
#include "readout_diff/detail/analyzer.hpp"
#include "readout_diff/detail/review.hpp"
#include "readout_diff/detail/segmenter.hpp"
#include "readout_diff/detail/text_input.hpp"
#include "report.hpp"

namespace readout_diff {

struct CompareOptions {
  std::size_t max_bytes = kMaxInputBytes;
  AlignOptions align;
  // The analyst's decisions (compare only); given, even empty, the report has a review section.
  std::optional<std::vector<ReviewDecision>> review;
};

// Options are a JSON object; each key is optional, unknown keys are an error (a typo should not
// silently do nothing).
Result<CompareOptions> parse_options(std::string_view text);

// Segments and featurises one side.
Result<AnalyzedDocument> analyze_side(std::string_view text, const CompareOptions& options, Segmenter& segmenter,
                                      Analyzer& analyzer);

// What every request needs: its options, the lexicon, and ICU's iterators (the segmenter and the
// tokenizer), which are built once per thread and shared by the thread's requests. Each
// comparison makes its own Analyzer on them: the analyzer's vocabulary is the comparison's.
struct Pipeline {
  CompareOptions options;
  const CompiledLexicon* lexicon = nullptr;
  Segmenter* segmenter = nullptr;
  Tokenizer* tokenizer = nullptr;
};

// The error for a review option given to what has no pair of readouts to apply it to (`what`:
// "a series", "a segmentation"), or nothing when there is none.
std::optional<Error> review_refused(const CompareOptions& options, const char* what);

// `model` replaces the built-in link model (evaluation and fitting only).
Result<Pipeline> make_pipeline(std::string_view options_json, const LinkModel* model = nullptr);

// The error object of a report schema: {"schema":…,"error":{code, message, offset, line,
// column, and the fields of `where`}}; offset, line and column when the error has a place.
std::string error_json(const char* schema, const Error& error, std::optional<TextPosition> place, nlohmann::json where);

}  // namespace readout_diff
