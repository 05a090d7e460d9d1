#include "gold.hpp"

#include <optional>

#include <nlohmann/json.hpp>

#include "bounded_read.hpp"
#include "readout_diff/engine.hpp"

namespace readout_diff::evaluation {
namespace {

using nlohmann::json;

Error bad_gold(const std::string& name, const std::string& what) { return Error{"bad_gold", name + ": " + what, std::nullopt}; }

// A corpus file is named by its file name alone ("2020-09-10_moscow_….txt"): a path would read
// outside the corpus.
bool plain_file_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\\') == std::string::npos && name.find('\0') == std::string::npos;
}

// The readout a gold file names, or what is wrong with the name or the file.
std::optional<std::string> read_readout(const std::filesystem::path& corpus_dir, const std::string& file, std::string& text) {
  if (!plain_file_name(file)) return "\"" + file + "\" is not the name of a file in the corpus";
  const std::filesystem::path path = corpus_dir / file;
  // A readout the engine would refuse is no readout to score against.
  switch (cli::read_regular_file(path, text, kMaxInputBytes)) {
    case cli::FileRead::ok: return std::nullopt;
    case cli::FileRead::not_a_file: return "cannot read " + path.string() + ": not a file";
    case cli::FileRead::unreadable: return "cannot read " + path.string();
    case cli::FileRead::too_large: return path.string() + " is over the engine's 16 MiB limit";
  }
  return "cannot read " + path.string();
}

// A corpus file is named date_place_…: its first two fields name the meeting.
std::string meeting_of(const std::string& file) {
  const std::size_t first = file.find('_');
  const std::size_t second = first == std::string::npos ? std::string::npos : file.find('_', first + 1);
  return second == std::string::npos ? file : file.substr(0, second);
}

// The sentences must be exact substrings of the text, in order.
std::optional<std::string> read_sentences(const json& list, const std::string& text, const char* key,
                                          std::vector<GoldSentence>& out) {
  if (!list.is_array()) return std::string("\"") + key + "\" must be a list";
  std::size_t from = 0;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const json& s = list[k];
    const std::string where = std::string(key) + "[" + std::to_string(k) + "]";
    if (!s.is_object() || !s.contains("text") || !s["text"].is_string()) return where + " needs a \"text\" string";
    if (!s.contains("commitment") || !s["commitment"].is_boolean()) return where + " needs a true/false \"commitment\"";
    const std::string& needle = s["text"].get_ref<const std::string&>();
    const std::size_t at = needle.empty() ? std::string::npos : text.find(needle, from);
    if (at == std::string::npos) return where + " is not in the readout's text after the sentence before it";
    out.push_back(GoldSentence{at, at + needle.size(), s["commitment"].get<bool>()});
    from = at + needle.size();
  }
  return std::nullopt;
}

std::optional<std::string> read_indices(const json& list, std::size_t bound, const std::string& where,
                                        std::vector<std::size_t>& out) {
  if (!list.is_array() || list.empty()) return where + " must be a list of sentence numbers";
  for (const json& index : list) {
    if (!index.is_number_unsigned() || index.get<std::size_t>() >= bound) {
      return where + " names a sentence that does not exist (there are " + std::to_string(bound) + ")";
    }
    out.push_back(index.get<std::size_t>());
  }
  return std::nullopt;
}

}  // namespace

Result<GoldComparison> read_gold(std::string_view json_text, const std::string& name, const std::filesystem::path& corpus_dir) {
  const json root = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (root.is_discarded() || !root.is_object()) return bad_gold(name, "not a JSON object");
  GoldComparison gold;
  for (const char* key : {"a", "b"}) {
    if (!root.contains(key) || !root[key].is_string()) return bad_gold(name, std::string("\"") + key + "\" must name a corpus file");
  }
  const std::string file_a = root["a"].get<std::string>(), file_b = root["b"].get<std::string>();
  if (auto fault = read_readout(corpus_dir, file_a, gold.text_a)) return bad_gold(name, *fault);
  if (auto fault = read_readout(corpus_dir, file_b, gold.text_b)) return bad_gold(name, *fault);
  gold.id = root.contains("id") && root["id"].is_string() ? root["id"].get<std::string>() : name;
  gold.meeting_a = meeting_of(file_a);
  gold.meeting_b = meeting_of(file_b);
  if (!root.contains("a_sentences") || !root.contains("b_sentences")) return bad_gold(name, "needs \"a_sentences\" and \"b_sentences\"");
  if (auto fault = read_sentences(root["a_sentences"], gold.text_a, "a_sentences", gold.a)) return bad_gold(name, *fault);
  if (auto fault = read_sentences(root["b_sentences"], gold.text_b, "b_sentences", gold.b)) return bad_gold(name, *fault);
  if (!root.contains("links") || !root["links"].is_array()) return bad_gold(name, "\"links\" must be a list");
  for (std::size_t k = 0; k < root["links"].size(); ++k) {
    const json& link = root["links"][k];
    const std::string where = "links[" + std::to_string(k) + "]";
    if (!link.is_object() || !link.contains("a") || !link.contains("b")) return bad_gold(name, where + " needs \"a\" and \"b\"");
    GoldLink parsed;
    if (auto fault = read_indices(link["a"], gold.a.size(), where + ".a", parsed.a)) return bad_gold(name, *fault);
    if (auto fault = read_indices(link["b"], gold.b.size(), where + ".b", parsed.b)) return bad_gold(name, *fault);
    if (!link.contains("relation") || !link["relation"].is_string() ||
        (link["relation"] != "repeated" && link["relation"] != "modified" && link["relation"] != "related")) {
      return bad_gold(name, where + ".relation must be repeated, modified or related");
    }
    parsed.relation = link["relation"].get<std::string>();
    parsed.related = parsed.relation == "related";
    gold.links.push_back(std::move(parsed));
  }
  return gold;
}

bool share_a_meeting(const GoldComparison& x, const GoldComparison& y) {
  return x.meeting_a == y.meeting_a || x.meeting_a == y.meeting_b || x.meeting_b == y.meeting_a || x.meeting_b == y.meeting_b;
}

}  // namespace readout_diff::evaluation
