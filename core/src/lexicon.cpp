#include "readout_diff/detail/lexicon.hpp"

#include <nlohmann/json.hpp>
#include <set>

namespace readout_diff {

const char* to_string(CommitmentStrength strength) {
  switch (strength) {
    case CommitmentStrength::agreed: return "agreed";
    case CommitmentStrength::obligation: return "obligation";
    case CommitmentStrength::undertaking: return "undertaking";
    case CommitmentStrength::emphasis: return "emphasis";
  }
  return "agreed";
}

namespace {

using nlohmann::json;

Error invalid(const std::string& where, const std::string& what) {
  return Error{"bad_lexicon", "Lexicon " + where + ": " + what, std::nullopt};
}

// Appends the strings of `node` (an array of non-empty strings) to `out`; false when malformed.
bool read_terms(const json& node, std::vector<std::string>& out) {
  if (!node.is_array()) return false;
  for (const json& term : node) {
    if (!term.is_string() || term.get_ref<const std::string&>().empty()) return false;
    out.push_back(term.get<std::string>());
  }
  return true;
}

Result<std::vector<LexiconEntry>> read_named_entries(const json& root, const char* section) {
  std::vector<LexiconEntry> entries;
  if (!root.contains(section) || !root[section].is_array()) {
    return invalid(std::string("\"") + section + "\"", "missing or not an array");
  }
  std::set<std::string> ids;
  std::size_t index = 0;
  for (const json& item : root[section]) {
    const std::string where = std::string(section) + "[" + std::to_string(index++) + "]";
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string() || item["id"].get<std::string>().empty()) {
      return invalid(where, "needs a non-empty string \"id\"");
    }
    LexiconEntry entry;
    entry.id = item["id"].get<std::string>();
    if (!ids.insert(entry.id).second) return invalid(where, "duplicate id \"" + entry.id + "\"");
    entry.label = item.contains("label") && item["label"].is_string() ? item["label"].get<std::string>() : entry.id;
    for (const char* language : {"en", "hi"}) {
      if (item.contains(language) && !read_terms(item[language], entry.terms)) {
        return invalid(where + " (" + entry.id + ")", std::string("\"") + language + "\" must be an array of non-empty strings");
      }
    }
    if (entry.terms.empty()) return invalid(where + " (" + entry.id + ")", "has no terms");
    entries.push_back(std::move(entry));
  }
  return entries;
}

Result<std::vector<LexiconEntry>> read_cues(const json& root) {
  std::vector<LexiconEntry> cues;
  if (!root.contains("commitment_cues") || !root["commitment_cues"].is_object()) {
    return invalid("\"commitment_cues\"", "missing or not an object");
  }
  for (const char* language : {"en", "hi"}) {
    const json& list = root["commitment_cues"].contains(language) ? root["commitment_cues"][language] : json::array();
    if (!list.is_array()) return invalid(std::string("commitment_cues.") + language, "must be an array");
    std::size_t index = 0;
    for (const json& item : list) {
      const std::string where = std::string("commitment_cues.") + language + "[" + std::to_string(index++) + "]";
      if (!item.is_object() || !item.contains("cue") || !item["cue"].is_string() || item["cue"].get<std::string>().empty()) {
        return invalid(where, "needs a non-empty string \"cue\"");
      }
      const std::string strength = item.contains("strength") && item["strength"].is_string() ? item["strength"].get<std::string>() : "";
      LexiconEntry cue;
      cue.id = cue.label = item["cue"].get<std::string>();
      cue.terms = {cue.id};
      if (strength == "agreed") cue.strength = CommitmentStrength::agreed;
      else if (strength == "obligation") cue.strength = CommitmentStrength::obligation;
      else if (strength == "undertaking") cue.strength = CommitmentStrength::undertaking;
      else if (strength == "emphasis") cue.strength = CommitmentStrength::emphasis;
      else return invalid(where + " (" + cue.id + ")", "\"strength\" must be agreed, obligation, undertaking or emphasis");
      if (item.contains("asserts")) {
        if (!item["asserts"].is_boolean()) return invalid(where + " (" + cue.id + ")", "\"asserts\" must be true or false");
        cue.asserts = item["asserts"].get<bool>();
      }
      cues.push_back(std::move(cue));
    }
  }
  return cues;
}

// "translations": [{"en": "India", "hi": ["भारत"]}, …], each English side one word.
Result<std::vector<Translation>> read_translations(const json& root) {
  std::vector<Translation> translations;
  if (!root["translations"].is_array()) return invalid("\"translations\"", "must be an array");
  std::size_t index = 0;
  for (const json& item : root["translations"]) {
    const std::string where = "translations[" + std::to_string(index++) + "]";
    if (!item.is_object() || !item.contains("en") || !item["en"].is_string() || item["en"].get<std::string>().empty()) {
      return invalid(where, "needs a non-empty string \"en\"");
    }
    const std::string english = item["en"].get<std::string>();
    std::vector<std::string> hindi;
    if (!item.contains("hi") || !read_terms(item["hi"], hindi) || hindi.empty()) {
      return invalid(where + " (" + english + ")", "\"hi\" must be a non-empty array of non-empty strings");
    }
    for (std::string& word : hindi) translations.push_back(Translation{english, std::move(word)});
  }
  return translations;
}

}  // namespace

Result<Lexicon> parse_lexicon(std::string_view lexicon_json, std::string_view stopwords_json) {
  const json root = json::parse(lexicon_json.begin(), lexicon_json.end(), nullptr, false);
  if (root.is_discarded() || !root.is_object()) return invalid("file", "is not valid JSON");
  if (!root.contains("schema") || root["schema"] != "readout-diff-lexicon/1") {
    return invalid("file", "\"schema\" must be \"readout-diff-lexicon/1\"");
  }
  Lexicon lexicon;
  auto concepts = read_named_entries(root, "concepts");
  if (!concepts.ok()) return concepts.error();
  lexicon.concepts = std::move(concepts).value();
  auto actors = read_named_entries(root, "actors");
  if (!actors.ok()) return actors.error();
  lexicon.actors = std::move(actors).value();
  auto cues = read_cues(root);
  if (!cues.ok()) return cues.error();
  lexicon.commitment_cues = std::move(cues).value();
  if (root.contains("reporting_verbs")) {  // optional: a lexicon without them attributes no speech
    auto reporting_verbs = read_named_entries(root, "reporting_verbs");
    if (!reporting_verbs.ok()) return reporting_verbs.error();
    lexicon.reporting_verbs = std::move(reporting_verbs).value();
  }
  if (root.contains("translations")) {  // optional: the dictionary's senses alone otherwise
    auto translations = read_translations(root);
    if (!translations.ok()) return translations.error();
    lexicon.domain_translations = std::move(translations).value();
  }

  const json stopwords = json::parse(stopwords_json.begin(), stopwords_json.end(), nullptr, false);
  if (stopwords.is_discarded() || !stopwords.is_object()) {
    return Error{"bad_lexicon", "Stopword list: is not valid JSON", std::nullopt};
  }
  for (const char* language : {"en", "hi"}) {
    if (!stopwords.contains(language) || !read_terms(stopwords[language], lexicon.stopwords)) {
      return Error{"bad_lexicon", std::string("Stopword list: \"") + language + "\" must be an array of non-empty strings", std::nullopt};
    }
  }
  return lexicon;
}

}  // namespace readout_diff
