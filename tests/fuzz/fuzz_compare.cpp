// libFuzzer target: compare (compare_json) over two readouts and an options string cut from one input.
//
// Input layout (tests/fuzz/seeds.sh writes seeds in it):
//   [0xFD k]           optional: options are kOptionSets[k % size] (valid and invalid sets)
//   [0xFE options 0xFE] optional: options are the raw bytes in between (fuzzes option parsing)
//   A 0xFF B           the two readouts; with no 0xFF, the rest is cut in half (moved back to the
//                      start of a UTF-8 sequence, so that halves of valid text stay valid)
//
// Invariants (see invariants.hpp): the answer is readout-diff/1 JSON; a side that is not a
// readout gets exactly the predicted error, naming that side (A is checked first); otherwise both
// sides' sentences satisfy the span invariants, links name existing sentences in ascending order
// with a known relation and a score in [0, 1], a sentence is "kept" exactly when it has links and
// those links name it, the summary counts add up; on small inputs the same call gives the same
// bytes twice, and each side's sentences are the ones segment gives for it alone.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "invariants.hpp"
#include "readout_diff/engine.hpp"

using namespace readout_fuzz;

namespace {

constexpr std::size_t kSmallInput = 2048;  // determinism and segment cross-checks below this

const std::array<const char*, 17> kOptionSets = {
    "",
    "{}",
    R"({"min_link_score":0,"min_cross_language_score":0,"partner_ratio":0})",  // link all that shares
    R"({"partner_ratio":0.5})",
    R"({"repeated_min_score":0})",
    R"({"repeated_min_score":1,"min_link_score":1,"min_cross_language_score":1})",
    R"({"max_bytes":64})",
    R"({"max_bytes":1})",
    // The analyst's decisions on the first sentences, which every input has (some may not apply).
    R"({"review":[{"action":"link","a":[0],"b":[0],"relation":"repeated"},{"action":"reject","a":[0],"b":[1]},{"action":"relation","a":[1],"b":[0],"relation":"modified"}]})",
    R"({"review":[{"action":"reject","a":[0],"b":[0]},{"action":"link","a":[0,1],"b":[0],"relation":"modified"}]})",
    " \t\r\n",
    R"({"max_bytes":0})",            // bad_options from here on
    R"({"min_link_score":1.5})",
    R"({"colour":"blue"})",
    "[]",
    R"({"partner_ratio":"1"})",
    R"({"review":[{"action":"link","a":[0],"b":[0]}]})",
};

struct Input {
  std::string_view options, a, b;
};

Input split(std::string_view data) {
  Input input;
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0xFD) {
    input.options = kOptionSets[static_cast<unsigned char>(data[1]) % kOptionSets.size()];
    data.remove_prefix(2);
  } else if (!data.empty() && static_cast<unsigned char>(data[0]) == 0xFE) {
    const std::size_t close = data.find('\xFE', 1);
    const std::size_t end = close == std::string_view::npos ? data.size() : close;
    input.options = data.substr(1, end - 1);
    data.remove_prefix(close == std::string_view::npos ? data.size() : close + 1);
  }
  const std::size_t separator = data.find('\xFF');
  if (separator != std::string_view::npos) {
    input.a = data.substr(0, separator);
    input.b = data.substr(separator + 1);
  } else {
    std::size_t half = data.size() / 2;
    for (int k = 0; k < 3 && half > 0 && (static_cast<unsigned char>(data[half]) & 0xC0) == 0x80; ++k) --half;
    input.a = data.substr(0, half);
    input.b = data.substr(half);
  }
  return input;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// The max_bytes a valid options object sets, else the engine's default.
std::size_t max_bytes_of(std::string_view options) {
  if (blank(options)) return 16u * 1024u * 1024u;
  const json parsed = json::parse(options.begin(), options.end(), nullptr, false);
  if (parsed.is_object() && parsed.contains("max_bytes") && parsed["max_bytes"].is_number_unsigned()) {
    return parsed["max_bytes"].get<std::size_t>();
  }
  return 16u * 1024u * 1024u;
}

// The options a segmentation of one side takes: these, without `review`, which only a comparison
// takes (segment refuses it as bad options).
std::string segment_options_of(std::string_view options) {
  json parsed = json::parse(options.begin(), options.end(), nullptr, false);
  if (!parsed.is_object() || !parsed.contains("review")) return std::string(options);
  parsed.erase("review");
  return parsed.dump();
}

Expected expected_side(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) return {"too_large", max_bytes, true};
  return expected_ingest(text);
}

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

// Checks one side of a report; returns its sentence spans.
Spans check_side(const json& report, const char* name, std::string_view text, const json& links,
                       const std::string& output) {
  require(report.contains(name) && report[name].is_object(), "the report has both sides", output);
  const json& side = report[name];
  require(side.contains("sentences"), "a side has sentences", output);
  const auto spans = check_sentences(side["sentences"], text);
  require(!spans.empty(), "a readout with visible text has at least one sentence", output);
  require_nothing_lost(text, spans);
  const bool is_a = std::string(name) == "a";
  std::size_t kept = 0;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const json& s = side["sentences"][k];
    require(s.contains("status") && s.contains("links") && s["links"].is_array(), "a sentence has status and links",
            s.dump());
    const std::string status = s["status"];
    require(status == "kept" || status == (is_a ? "dropped" : "new"), "status is kept, or dropped in A, new in B",
            s.dump());
    require((status == "kept") == !s["links"].empty(), "a sentence is kept exactly when it has links", s.dump());
    require(status == "kept" ? (s["relation"] == "repeated" || s["relation"] == "modified") : s["relation"].is_null(),
            "a kept sentence has a relation, others none", s.dump());
    kept += status == "kept" ? 1 : 0;
    for (const json& id : s["links"]) {
      require(id.is_number_unsigned() && id.get<std::size_t>() < links.size(), "a sentence's links exist", s.dump());
      bool named = false;
      for (const json& index : links[id.get<std::size_t>()][name]) named = named || index == k;
      require(named, "a sentence's link names the sentence", s.dump());
    }
  }
  const json& counts = report["summary"][name];
  require(counts["sentences"] == spans.size(), "the summary counts the sentences", output);
  require(counts["kept"] == kept, "the summary counts the kept sentences", output);
  require(counts[is_a ? "dropped" : "new"] == spans.size() - kept, "the summary counts the unmatched sentences", output);
  // Commitments: each has one entry in the commitments section, whose fates the summary counts
  // (A's repeated, modified or dropped; B's new); an unlinked sentence's commitment is dropped or new.
  std::size_t committed = 0, fate_counts[3] = {0, 0, 0};  // repeated, modified, dropped (A) / new (B)
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const json& s = side["sentences"][k];
    if (s["commitment"].is_null()) continue;
    ++committed;
    std::size_t entries = 0;
    for (const json& entry : report["commitments"]) {
      if (entry["side"] != name || entry["sentence"] != k) continue;
      ++entries;
      const std::string fate = entry["fate"];
      require(fate == "repeated" || fate == "modified" || fate == (is_a ? "dropped" : "new"), "a fate is one of A's or B's",
              entry.dump());
      require(s["status"] == "kept" || fate == (is_a ? "dropped" : "new"), "an unlinked commitment is dropped or new",
              entry.dump());
      fate_counts[fate == "repeated" ? 0 : fate == "modified" ? 1 : 2] += 1;
    }
    require(entries == 1, "every commitment has one entry in the commitments section", s.dump());
  }
  require(counts["commitments"] == committed, "the summary counts the commitments", output);
  const json& commitments = report["summary"]["commitments"];
  if (is_a) {
    require(commitments["repeated"] == fate_counts[0] && commitments["modified"] == fate_counts[1] &&
                commitments["dropped"] == fate_counts[2],
            "A's commitments are counted by their fate", output);
  } else {
    require(commitments["new"] == fate_counts[2], "B's new commitments are counted", output);
  }
  return spans;
}

void check_links(const json& links, const json& summary, const Input& input, const Spans& spans_a, const Spans& spans_b) {
  std::size_t repeated = 0;
  for (const json& link : links) repeated += link["relation"] == "repeated" ? 1 : 0;
  require(summary["links"]["repeated"] == repeated && summary["links"]["modified"] == links.size() - repeated,
          "the summary counts the links", summary.dump());
  for (std::size_t id = 0; id < links.size(); ++id) {
    const json& link = links[id];
    require(link["id"] == id, "link ids count from 0", link.dump());
    for (const auto& [name, limit] : {std::pair<const char*, std::size_t>{"a", spans_a.size()}, {"b", spans_b.size()}}) {
      const json& indices = link[name];
      require(indices.is_array() && !indices.empty(), "a link joins at least one sentence on each side", link.dump());
      for (std::size_t k = 0; k < indices.size(); ++k) {
        require(indices[k].is_number_unsigned() && indices[k].get<std::size_t>() < limit, "a link's sentences exist",
                link.dump());
        require(k == 0 || indices[k - 1].get<std::size_t>() < indices[k].get<std::size_t>(),
                "a link's sentences are ascending", link.dump());
      }
    }
    require(link["relation"] == "repeated" || link["relation"] == "modified", "a link's relation is known", link.dump());
    require(link["score"].is_number() && link["score"].get<double>() >= 0.0 && link["score"].get<double>() <= 1.0,
            "a link's score is in [0, 1]", link.dump());
    require(link["diff"].is_array(), "a link has a diff", link.dump());
    const auto joined_a = link["a"].get<std::vector<std::size_t>>(), joined_b = link["b"].get<std::vector<std::size_t>>();
    for (const json& run : link["diff"]) {
      require(run["op"] == "equal" || run["op"] == "delete" || run["op"] == "insert", "a diff op is known", link.dump());
      require(run["text"].is_string() && !run["text"].get<std::string>().empty(), "a diff run has text", link.dump());
      const bool from_b = run["op"] == "insert";
      require_or_known(quotes_only(from_b ? input.b : input.a, from_b ? spans_b : spans_a, from_b ? joined_b : joined_a,
                                   run["text"].get<std::string>()),
                       kDiffSpan, "a diff run quotes only its link's sentences", link.dump());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Input input = split(std::string_view(reinterpret_cast<const char*>(data), size));
  const readout_diff::EngineOutput result = readout_diff::compare(input.a, input.b, input.options);
  const std::string& output = result.json;
  const json answer = parse_answer(result);

  if (answer.contains("error") && answer["error"].contains("code") && answer["error"]["code"] == "bad_options") {
    require(!blank(input.options), "blank options are never bad", output);
    require(!answer["error"].contains("side") && !answer["error"].contains("offset"), "bad options name no side",
            output);
    check_error(answer["error"], input.options, nullptr);
    return 0;
  }
  const std::size_t max_bytes = max_bytes_of(input.options);
  const Expected expected_a = expected_side(input.a, max_bytes);
  const Expected expected_b = expected_side(input.b, max_bytes);
  if (!expected_a.code.empty() || !expected_b.code.empty()) {
    const bool side_a = !expected_a.code.empty();
    if ((side_a ? expected_a : expected_b).zwnbsp_only && !answer.contains("error")) {
      require_or_known(false, kZwnbspOnly, "a side that is not a readout gets an error", output);
      return 0;
    }
    require(answer.contains("error"), "a side that is not a readout gets an error", output);
    require(answer["error"].contains("side") && answer["error"]["side"] == (side_a ? "a" : "b"),
            "the error names the side at fault, A first", output);
    check_error(answer["error"], side_a ? input.a : input.b, side_a ? &expected_a : &expected_b);
    return 0;
  }
  require(!answer.contains("error"), "two readouts are compared, not refused", output);
  require(answer.contains("links") && answer["links"].is_array(), "the report has links", output);
  require(answer.contains("summary") && answer["summary"].is_object(), "the report has a summary", output);
  const json& links = answer["links"];
  const Spans spans_a = check_side(answer, "a", input.a, links, output);
  const Spans spans_b = check_side(answer, "b", input.b, links, output);
  check_links(links, answer["summary"], input, spans_a, spans_b);

  if (size <= kSmallInput) {
    require(readout_diff::compare(input.a, input.b, input.options).json == output, "compare is deterministic", output);
    for (const auto& [name, text] : {std::pair<const char*, std::string_view>{"a", input.a}, {"b", input.b}}) {
      const json alone = parse_answer(readout_diff::segment(text, segment_options_of(input.options)));
      require(alone.contains("sentences") && alone["sentences"].size() == answer[name]["sentences"].size(),
              "compare and segment cut a side into the same sentences", output);
      for (std::size_t k = 0; k < alone["sentences"].size(); ++k) {
        const json& x = alone["sentences"][k];
        const json& y = answer[name]["sentences"][k];
        require(x["start"] == y["start"] && x["end"] == y["end"] && x["kind"] == y["kind"],
                "compare and segment cut a side into the same sentences", output);
      }
    }
  }
  return 0;
}
