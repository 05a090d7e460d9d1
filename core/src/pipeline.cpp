#include "pipeline.hpp"

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
        key != "repeated_min_score" && key != "partner_ratio") {
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
  return options;
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
