// libFuzzer target: segment (segment_json) over the whole input as one readout.
//
// Invariants (see invariants.hpp): the answer is readout-diff/1 JSON; bytes that are not a
// readout (control bytes, invalid UTF-8, nothing but white space) get exactly the error an
// independent validator predicts, at the first offending byte, with line and column; text that is
// a readout gets sentences whose spans are in order, disjoint, trimmed, inside the input and equal
// to their "text", that together cover every character that is not white space, and at least one.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "invariants.hpp"
#include "readout_diff/engine.hpp"

using namespace readout_fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const readout_diff::EngineOutput result = readout_diff::segment(text, "");
  const std::string& output = result.json;
  const json answer = parse_answer(result);
  const Expected expected = expected_ingest(text);

  if (!expected.code.empty()) {
    if (expected.zwnbsp_only && !answer.contains("error")) {
      require_or_known(false, kZwnbspOnly, "text that is not a readout gets an error", output);
      return 0;
    }
    require(answer.contains("error"), "text that is not a readout gets an error", output);
    require(!answer["error"].contains("side"), "segment errors name no side", output);
    check_error(answer["error"], text, &expected);
    return 0;
  }
  require(!answer.contains("error"), "a readout is segmented, not refused", output);
  require(answer.contains("language") && (answer["language"] == "en" || answer["language"] == "hi" ||
                                          answer["language"] == "mixed"),
          "the document has a language", output);
  require(answer.contains("sentences"), "the answer has sentences", output);
  const auto spans = check_sentences(answer["sentences"], text);
  require(!spans.empty(), "a readout with visible text has at least one sentence", output);
  require_nothing_lost(text, spans);
  return 0;
}
