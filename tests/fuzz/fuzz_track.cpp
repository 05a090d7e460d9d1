// libFuzzer target: track over a series of readouts cut from one input.
//
// Input layout (tests/fuzz/seeds.sh writes seeds in it):
//   w R1 0xFF R2 0xFF ... Rn   the window is 1 + w % 4; the readouts are separated by 0xFF (at
//                              most 8 are taken; the rest stays in the last)
//
// Invariants (see invariants.hpp): the answer is readout-diff-series/1 JSON; fewer than two
// readouts is bad_series; a readout that is not one gets exactly the predicted error, naming the
// first such readout by index and name; otherwise the pairs are those within the window, every
// occurrence's sentences are exact spans of their readout, occurrences are in readout order, each
// sentence is linked to a sentence of every earlier occurrence of its thread within the window
// (the split rule), every sentence is in a thread or made once and not both; on small inputs the
// same call gives the same bytes twice.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "invariants.hpp"
#include "readout_diff/engine.hpp"

using namespace readout_fuzz;

namespace {

constexpr std::size_t kSmallInput = 2048;
constexpr std::size_t kMaxReadouts = 8;

bool linked(const json& report, std::size_t earlier, std::size_t x, std::size_t later, std::size_t s) {
  for (const json& pair : report["pairs"]) {
    if (pair["earlier"] != earlier || pair["later"] != later) continue;
    for (const json& link : pair["links"]) {
      bool has_x = false, has_s = false;
      for (const json& id : link["earlier"]) has_x = has_x || id == x;
      for (const json& id : link["later"]) has_s = has_s || id == s;
      if (has_x && has_s) return true;
    }
  }
  return false;
}

void check_span(const json& sentence, std::string_view text, const std::string& output) {
  require(sentence["start"].is_number_unsigned() && sentence["end"].is_number_unsigned(), "a span is whole numbers", output);
  const auto start = sentence["start"].get<std::size_t>(), end = sentence["end"].get<std::size_t>();
  require(start < end && end <= text.size(), "a span lies inside its readout", sentence.dump());
  require(text.substr(start, end - start) == sentence["text"].get<std::string>(), "a span's bytes are its text", sentence.dump());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t window = 1 + data[0] % 4;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<std::string_view> texts;
  while (texts.size() + 1 < kMaxReadouts) {
    const std::size_t separator = rest.find('\xFF');
    if (separator == std::string_view::npos) break;
    texts.push_back(rest.substr(0, separator));
    rest.remove_prefix(separator + 1);
  }
  texts.push_back(rest);
  std::vector<std::string> names;
  for (std::size_t k = 0; k < texts.size(); ++k) names.push_back("r" + std::to_string(k) + ".txt");

  const readout_diff::EngineOutput result = readout_diff::track(texts, names, window, "");
  const std::string& output = result.json;
  const json answer = parse_answer(result, readout_diff::kSeriesSchema);
  if (texts.size() < 2) {
    require(answer.contains("error") && answer["error"]["code"] == "bad_series", "one readout is not a series", output);
    return 0;
  }
  for (std::size_t k = 0; k < texts.size(); ++k) {
    const Expected expected = expected_ingest(texts[k]);
    if (expected.code.empty()) continue;
    if (expected.zwnbsp_only && !answer.contains("error")) {
      require_or_known(false, kZwnbspOnly, "a readout that is not one gets an error", output);
      return 0;
    }
    require(answer.contains("error"), "a readout that is not one gets an error", output);
    const json& error = answer["error"];
    require(error.contains("readout") && error["readout"] == k && error["name"] == names[k],
            "the error names the first readout at fault", output);
    check_error(error, texts[k], &expected);
    return 0;
  }
  require(!answer.contains("error"), "readouts are tracked, not refused", output);
  require(answer["readouts"].size() == texts.size(), "every readout is in the report", output);

  std::size_t pair_count = 0;
  for (std::size_t j = 1; j < texts.size(); ++j) pair_count += j < window ? j : window;
  require(answer["pairs"].size() == pair_count, "the pairs are those within the window", output);

  std::map<std::pair<std::size_t, std::size_t>, std::size_t> threaded;
  for (const json& thread : answer["threads"]) {
    const json& occurrences = thread["occurrences"];
    require(occurrences.size() >= 2, "a thread recurs", thread.dump());
    for (std::size_t k = 0; k < occurrences.size(); ++k) {
      const auto r = occurrences[k]["readout"].get<std::size_t>();
      require(r < texts.size(), "an occurrence's readout exists", thread.dump());
      require(k == 0 || occurrences[k - 1]["readout"].get<std::size_t>() < r, "occurrences are in readout order", thread.dump());
      require(!occurrences[k]["sentences"].empty(), "an occurrence has a sentence", thread.dump());
      for (const json& sentence : occurrences[k]["sentences"]) {
        check_span(sentence, texts[r], output);
        const auto s = sentence["id"].get<std::size_t>();
        threaded[{r, s}] += 1;
        for (std::size_t e = 0; e < k; ++e) {
          const auto er = occurrences[e]["readout"].get<std::size_t>();
          if (er + window < r) continue;
          bool found = false;
          for (const json& other : occurrences[e]["sentences"]) found = found || linked(answer, er, other["id"], r, s);
          require(found, "a sentence is linked to every earlier occurrence of its thread within the window", thread.dump());
        }
      }
    }
  }
  std::size_t sentences = 0;
  for (const json& readout : answer["readouts"]) sentences += readout["sentences"].get<std::size_t>();
  for (const json& point : answer["once"]) {
    const auto r = point["readout"].get<std::size_t>();
    require(r < texts.size(), "a point's readout exists", point.dump());
    check_span(point["sentence"], texts[r], output);
    require(threaded.count({r, point["sentence"]["id"].get<std::size_t>()}) == 0, "a point made once is in no thread", point.dump());
  }
  require(threaded.size() + answer["once"].size() == sentences, "every sentence is in a thread or made once", output);
  if (size <= kSmallInput) {
    require(readout_diff::track(texts, names, window, "").json == output, "track is deterministic", output);
  }
  return 0;
}
