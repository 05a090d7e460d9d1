#include "pipeline.hpp"

#include <algorithm>

#include "readout_diff/detail/builtin_lexicon.hpp"
#include "readout_diff/detail/link_model.hpp"
#include "readout_diff/detail/commitments.hpp"
#include "readout_diff/detail/document.hpp"

namespace readout_diff {
namespace {

using nlohmann::json;

Error bad_option(const std::string& what) { return Error{"bad_options", "Options: " + what, std::nullopt}; }

// The ICU objects, built on a thread's first request: loading the sentence rules and the word
// iterator costs more than comparing two short readouts. A failure is not kept, so the next
// request tries again and reports it again.
struct ThreadIcu {
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<Tokenizer> tokenizer;
};

Result<ThreadIcu*> thread_icu() {
  thread_local ThreadIcu icu;
  if (!icu.segmenter) {
    auto segmenter = Segmenter::create();
    if (!segmenter.ok()) return segmenter.error();
    icu.segmenter = std::move(segmenter).value();
  }
  if (!icu.tokenizer) {
    auto tokenizer = Tokenizer::create();
    if (!tokenizer.ok()) return tokenizer.error();
    icu.tokenizer = std::move(tokenizer).value();
  }
  return &icu;
}

// Decisions the review option may hold at most: far more than an analyst makes by hand, few enough
// that a mistaken option cannot make a comparison slow.
constexpr std::size_t kMaxReviewDecisions = 10000;

Result<std::vector<std::size_t>> sentence_ids(const json& decision, const char* key, const std::string& where) {
  const std::string what = where + " \"" + key + "\" must be a non-empty list of distinct sentence ids (whole numbers)";
  if (!decision.contains(key) || !decision[key].is_array() || decision[key].empty()) return bad_option(what);
  std::vector<std::size_t> ids;
  for (const json& id : decision[key]) {
    if (!id.is_number_unsigned()) return bad_option(what);
    ids.push_back(id.get<std::size_t>());
  }
  std::sort(ids.begin(), ids.end());
  if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) return bad_option(what);
  return ids;
}

// A decision's texts, in the order of its ids as given, are put in the order of the ids sorted.
Result<std::optional<std::vector<std::string>>> sentence_texts(const json& decision, const char* ids_key, const char* key,
                                                               const std::string& where) {
  if (!decision.contains(key)) return std::optional<std::vector<std::string>>{};
  const json& texts = decision[key];
  const json& ids = decision[ids_key];
  if (!texts.is_array() || texts.size() != ids.size() ||
      !std::all_of(texts.begin(), texts.end(), [](const json& t) { return t.is_string(); })) {
    return bad_option(where + " \"" + key + "\" must list one text per id of \"" + ids_key + "\"");
  }
  std::vector<std::pair<std::size_t, std::string>> paired;
  for (std::size_t k = 0; k < ids.size(); ++k) paired.emplace_back(ids[k].get<std::size_t>(), texts[k].get<std::string>());
  std::sort(paired.begin(), paired.end());
  std::vector<std::string> sorted;
  for (auto& [id, text] : paired) sorted.push_back(std::move(text));
  return std::optional<std::vector<std::string>>{std::move(sorted)};
}

Result<ReviewDecision> parse_decision(const json& entry, std::size_t index) {
  const std::string where = "\"review\" decision " + std::to_string(index);
  if (!entry.is_object()) return bad_option(where + " must be an object");
  for (const auto& [key, value] : entry.items()) {
    (void)value;
    if (key != "action" && key != "a" && key != "b" && key != "relation" && key != "a_text" && key != "b_text") {
      return bad_option(where + " has an unknown key \"" + key + "\"");
    }
  }
  ReviewDecision decision;
  const std::string action = entry.contains("action") && entry["action"].is_string() ? entry["action"].get<std::string>() : "";
  if (action == "accept") decision.action = ReviewAction::accept;
  else if (action == "reject") decision.action = ReviewAction::reject;
  else if (action == "relation") decision.action = ReviewAction::relation;
  else if (action == "link") decision.action = ReviewAction::link;
  else return bad_option(where + " \"action\" must be \"accept\", \"reject\", \"relation\" or \"link\"");
  const bool needs_relation = decision.action == ReviewAction::relation || decision.action == ReviewAction::link;
  if (needs_relation) {
    const std::string relation = entry.contains("relation") && entry["relation"].is_string() ? entry["relation"].get<std::string>() : "";
    if (relation != "repeated" && relation != "modified") {
      return bad_option(where + " (" + action + ") needs \"relation\": \"repeated\" or \"modified\"");
    }
    decision.relation = relation == "repeated" ? Relation::repeated : Relation::modified;
  } else if (entry.contains("relation")) {
    return bad_option(where + " (" + action + ") takes no \"relation\"");
  }
  auto a = sentence_ids(entry, "a", where);
  if (!a.ok()) return a.error();
  auto b = sentence_ids(entry, "b", where);
  if (!b.ok()) return b.error();
  decision.a = std::move(a).value();
  decision.b = std::move(b).value();
  auto a_text = sentence_texts(entry, "a", "a_text", where);
  if (!a_text.ok()) return a_text.error();
  auto b_text = sentence_texts(entry, "b", "b_text", where);
  if (!b_text.ok()) return b_text.error();
  decision.a_text = std::move(a_text).value();
  decision.b_text = std::move(b_text).value();
  return decision;
}

Result<std::vector<ReviewDecision>> parse_review(const json& review) {
  if (!review.is_array() || review.size() > kMaxReviewDecisions) {
    return bad_option("\"review\" must be a list of at most " + std::to_string(kMaxReviewDecisions) + " decisions");
  }
  std::vector<ReviewDecision> decisions;
  for (std::size_t k = 0; k < review.size(); ++k) {
    auto decision = parse_decision(review[k], k);
    if (!decision.ok()) return decision.error();
    decisions.push_back(std::move(decision).value());
  }
  return decisions;
}

}  // namespace

Result<CompareOptions> parse_options(std::string_view text) {
  CompareOptions options;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return options;
  const json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded() || !root.is_object()) return bad_option("not a JSON object");
  const auto fraction = [&](const char* key, double& target) -> std::optional<Error> {
    if (!root.contains(key)) return std::nullopt;
    if (!root[key].is_number() || root[key].get<double>() < 0.0 || root[key].get<double>() > 1.0) {
      return bad_option(std::string("\"") + key + "\" must be a number from 0 to 1");
    }
    target = root[key].get<double>();
    return std::nullopt;
  };
  for (const auto& [key, value] : root.items()) {
    (void)value;
    if (key != "max_bytes" && key != "min_link_score" && key != "min_cross_language_score" &&
        key != "repeated_min_score" && key != "partner_ratio" && key != "review") {
      return bad_option("unknown key \"" + key + "\"");
    }
  }
  if (root.contains("max_bytes")) {
    if (!root["max_bytes"].is_number_unsigned() || root["max_bytes"].get<std::size_t>() == 0 ||
        root["max_bytes"].get<std::size_t>() > kMaxInputBytes) {
      return bad_option("\"max_bytes\" must be a whole number from 1 to " + std::to_string(kMaxInputBytes));
    }
    options.max_bytes = root["max_bytes"].get<std::size_t>();
  }
  for (const auto& [key, target] : {std::pair<const char*, double*>{"repeated_min_score", &options.align.repeated_min_score},
                                    {"partner_ratio", &options.align.partner_ratio}}) {
    if (auto error = fraction(key, *target)) return *error;
  }
  for (const auto& [key, target] : {std::pair<const char*, std::optional<double>*>{"min_link_score", &options.align.min_link_score},
                                    {"min_cross_language_score", &options.align.min_cross_language_score}}) {
    double value = 0;
    if (auto error = fraction(key, value)) return *error;
    if (root.contains(key)) *target = value;
  }
  if (root.contains("review")) {
    auto review = parse_review(root["review"]);
    if (!review.ok()) return review.error();
    options.review = std::move(review).value();
  }
  return options;
}

std::optional<Error> review_refused(const CompareOptions& options, const char* what) {
  // Decisions name the sentences of one pair of readouts.
  if (!options.review) return std::nullopt;
  return bad_option(std::string("\"review\" applies to a comparison of two readouts, not to ") + what);
}

Result<AnalyzedDocument> analyze_side(std::string_view text, const CompareOptions& options, Segmenter& segmenter,
                                      Analyzer& analyzer) {
  auto input = check_text_input(text, options.max_bytes);
  if (!input.ok()) return input.error();
  auto document = segmenter.segment(input.value());
  if (!document.ok()) return document.error();
  AnalyzedDocument side{std::move(document).value(), {}, {}};
  auto features = analyzer.analyze(side.document);
  if (!features.ok()) return features.error();
  side.features = std::move(features).value();
  std::optional<Commitment> previous;
  for (std::size_t i = 0; i < side.document.sentences.size(); ++i) {
    auto commitment = detect_commitment(side.document.sentences[i], side.features.sentences[i], analyzer.lexicon(),
                                        analyzer.vocabulary(), previous);
    side.commitments.push_back(commitment);
    previous = commitment;
  }
  return side;
}

Result<Pipeline> make_pipeline(std::string_view options_json, const LinkModel* model) {
  auto options = parse_options(options_json);
  if (!options.ok()) return options.error();
  const auto& lexicon = builtin_lexicon();
  if (!lexicon.ok()) return lexicon.error();
  if (model == nullptr) {
    const auto& builtin = builtin_link_model();
    if (!builtin.ok()) return builtin.error();
    model = &builtin.value();
  }
  options.value().align.model = *model;
  auto icu = thread_icu();
  if (!icu.ok()) return icu.error();
  return Pipeline{std::move(options).value(), &lexicon.value(), icu.value()->segmenter.get(), icu.value()->tokenizer.get()};
}


std::string error_json(const char* schema, const Error& error, std::optional<TextPosition> place, json where) {
  json body = std::move(where);
  body["code"] = error.code;
  body["message"] = error.message;
  if (error.byte_offset && place) {
    body["offset"] = *error.byte_offset;
    body["line"] = place->line;
    body["column"] = place->column;
  }
  const json error_object{{"schema", schema}, {"error", std::move(body)}};
  return error_object.dump(-1, ' ', false, json::error_handler_t::replace);
}


}  // namespace readout_diff
