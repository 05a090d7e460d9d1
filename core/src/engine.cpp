#include "readout_diff/engine.hpp"

#include <nlohmann/json.hpp>

#include "readout_diff/aligner.hpp"
#include "readout_diff/builtin_lexicon.hpp"
#include "readout_diff/commitments.hpp"
#include "readout_diff/document.hpp"
#include "readout_diff/features.hpp"
#include "readout_diff/link_model.hpp"
#include "readout_diff/text_input.hpp"
#include "report.hpp"

namespace readout_diff {
namespace {

using nlohmann::json;

struct CompareOptions {
  std::size_t max_bytes = kMaxInputBytes;
  AlignOptions align;
};

EngineOutput error_output(const Error& error, const char* side, std::string_view input) {
  json body{{"code", error.code}, {"message", error.message}};
  if (side != nullptr) body["side"] = side;
  if (error.byte_offset) {
    const TextPosition where = position_of(input, *error.byte_offset);
    body["offset"] = *error.byte_offset;
    body["line"] = where.line;
    body["column"] = where.column;
  }
  const json error_object{{"schema", kReportSchema}, {"error", std::move(body)}};
  return EngineOutput{error_object.dump(-1, ' ', false, json::error_handler_t::replace), true};
}

Error bad_option(const std::string& what) { return Error{"bad_options", "Options: " + what, std::nullopt}; }

// Options are a JSON object; each key is optional, unknown keys are an error (a typo should not
// silently do nothing).
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

// Segments and featurises one side; `side` names it in errors.
Result<AnalyzedDocument> analyze_side(std::string_view text, const CompareOptions& options, Segmenter& segmenter,
                                      Analyzer& analyzer) {
  auto input = check_text_input(text, options.max_bytes);
  if (!input.ok()) return input.error();
  auto document = segmenter.segment(input.value());
  if (!document.ok()) return document.error();
  AnalyzedDocument side{std::move(document).value(), {}, {}};
  side.features = analyzer.analyze(side.document);
  std::optional<Commitment> previous;
  for (std::size_t i = 0; i < side.document.sentences.size(); ++i) {
    auto commitment = detect_commitment(side.document.sentences[i], side.features.sentences[i], analyzer.lexicon(),
                                        analyzer.vocabulary(), previous);
    side.commitments.push_back(commitment);
    previous = commitment;
  }
  return side;
}

// What every request needs: its options, the lexicon, ICU's iterators and a fresh analyzer.
struct Pipeline {
  CompareOptions options;
  const CompiledLexicon* lexicon = nullptr;
  std::shared_ptr<Segmenter> segmenter;
  std::unique_ptr<Analyzer> analyzer;
};

// `model` replaces the built-in link model (evaluation and fitting only).
Result<Pipeline> make_pipeline(std::string_view options_json, const LinkModel* model = nullptr) {
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
  auto segmenter = Segmenter::create();
  if (!segmenter.ok()) return segmenter.error();
  auto analyzer = Analyzer::create(lexicon.value());
  if (!analyzer.ok()) return analyzer.error();
  return Pipeline{std::move(options).value(), &lexicon.value(), std::move(segmenter).value(), std::move(analyzer).value()};
}

}  // namespace

EngineOutput compare(std::string_view a, std::string_view b, std::string_view options_json) {
  return compare_with_model(a, b, options_json, nullptr);
}

EngineOutput compare_with_model(std::string_view a, std::string_view b, std::string_view options_json, const LinkModel* model) {
  auto made = make_pipeline(options_json, model);
  if (!made.ok()) return error_output(made.error(), nullptr, {});
  Pipeline& pipeline = made.value();
  auto side_a = analyze_side(a, pipeline.options, *pipeline.segmenter, *pipeline.analyzer);
  if (!side_a.ok()) return error_output(side_a.error(), "a", a);
  auto side_b = analyze_side(b, pipeline.options, *pipeline.segmenter, *pipeline.analyzer);
  if (!side_b.ok()) return error_output(side_b.error(), "b", b);
  const Alignment alignment =
      align(side_a.value(), side_b.value(), pipeline.analyzer->vocabulary(), *pipeline.lexicon, pipeline.options.align);
  const std::vector<CommitmentFate> fates = account_commitments(side_a.value(), side_b.value(), alignment.links);
  return EngineOutput{comparison_report(side_a.value(), side_b.value(), alignment, fates, pipeline.analyzer->vocabulary(),
                                        *pipeline.lexicon),
                      false};
}

Result<LinkCandidates> link_candidates_of(std::string_view a, std::string_view b) {
  // The candidates and their evidence do not depend on the model's weights, so fitting a new
  // model never needs the built-in one.
  const LinkModel unweighted;
  auto made = make_pipeline({}, &unweighted);
  if (!made.ok()) return made.error();
  Pipeline& pipeline = made.value();
  auto side_a = analyze_side(a, pipeline.options, *pipeline.segmenter, *pipeline.analyzer);
  if (!side_a.ok()) return side_a.error();
  auto side_b = analyze_side(b, pipeline.options, *pipeline.segmenter, *pipeline.analyzer);
  if (!side_b.ok()) return side_b.error();
  const Document& da = side_a.value().document;
  const Document& db = side_b.value().document;
  LinkCandidates candidates;
  candidates.cross_language = side_a.value().features.language != side_b.value().features.language;
  std::vector<SpanPairFeatures>& pairs = candidates.pairs;
  for (const CandidatePair& c :
       link_candidates(side_a.value(), side_b.value(), pipeline.analyzer->vocabulary(), *pipeline.lexicon, pipeline.options.align)) {
    pairs.push_back(SpanPairFeatures{da.sentences[c.a].start, da.sentences[c.a].end, db.sentences[c.b].start,
                                     db.sentences[c.b].end, c.features});
  }
  return candidates;
}

void prepare() { make_pipeline({}); }

EngineOutput segment(std::string_view text, std::string_view options_json) {
  auto made = make_pipeline(options_json);
  if (!made.ok()) return error_output(made.error(), nullptr, {});
  Pipeline& pipeline = made.value();
  auto side = analyze_side(text, pipeline.options, *pipeline.segmenter, *pipeline.analyzer);
  if (!side.ok()) return error_output(side.error(), nullptr, text);
  return EngineOutput{segmentation_report(side.value(), *pipeline.lexicon), false};
}

}  // namespace readout_diff
