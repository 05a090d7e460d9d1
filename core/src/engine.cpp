#include "readout_diff/engine.hpp"

#include "pipeline.hpp"
#include "readout_diff/accounting.hpp"
#include "utf8.hpp"

namespace readout_diff {
namespace {

EngineOutput error_output(const Error& error, const char* side, std::string_view input) {
  nlohmann::json where = nlohmann::json::object();
  if (side != nullptr) where["side"] = side;
  return error_output(kReportSchema, error, input, std::move(where));
}

}  // namespace

EngineOutput compare(std::string_view a, std::string_view b, std::string_view options_json) {
  return compare_with_model(a, b, options_json, nullptr);
}

EngineOutput compare_with_model(std::string_view a, std::string_view b, std::string_view options_json, const LinkModel* model) {
  auto made = make_pipeline(options_json, model);
  if (!made.ok()) return error_output(made.error(), nullptr, {});
  Pipeline& pipeline = made.value();
  Analyzer analyzer(*pipeline.lexicon, *pipeline.tokenizer);
  auto side_a = analyze_side(a, pipeline.options, *pipeline.segmenter, analyzer);
  if (!side_a.ok()) return error_output(side_a.error(), "a", a);
  auto side_b = analyze_side(b, pipeline.options, *pipeline.segmenter, analyzer);
  if (!side_b.ok()) return error_output(side_b.error(), "b", b);
  const Alignment alignment =
      align(side_a.value(), side_b.value(), analyzer.vocabulary(), *pipeline.lexicon, pipeline.options.align);
  const std::vector<CommitmentFate> fates = account_commitments(side_a.value(), side_b.value(), alignment.links);
  return EngineOutput{comparison_report(side_a.value(), side_b.value(), alignment, fates, analyzer.vocabulary(),
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
  Analyzer analyzer(*pipeline.lexicon, *pipeline.tokenizer);
  auto side_a = analyze_side(a, pipeline.options, *pipeline.segmenter, analyzer);
  if (!side_a.ok()) return side_a.error();
  auto side_b = analyze_side(b, pipeline.options, *pipeline.segmenter, analyzer);
  if (!side_b.ok()) return side_b.error();
  const Document& da = side_a.value().document;
  const Document& db = side_b.value().document;
  LinkCandidates candidates;
  candidates.cross_language = side_a.value().features.language != side_b.value().features.language;
  std::vector<SpanPairFeatures>& pairs = candidates.pairs;
  for (const CandidatePair& c :
       link_candidates(side_a.value(), side_b.value(), analyzer.vocabulary(), *pipeline.lexicon, pipeline.options.align)) {
    pairs.push_back(SpanPairFeatures{da.sentences[c.a].start, da.sentences[c.a].end, db.sentences[c.b].start,
                                     db.sentences[c.b].end, c.features});
  }
  return candidates;
}

void prepare() { make_pipeline({}); }

std::string utf8_from_utf16(std::u16string_view text) { return utf8::from_utf16(text); }

EngineOutput segment(std::string_view text, std::string_view options_json) {
  auto made = make_pipeline(options_json);
  if (!made.ok()) return error_output(made.error(), nullptr, {});
  Pipeline& pipeline = made.value();
  Analyzer analyzer(*pipeline.lexicon, *pipeline.tokenizer);
  auto side = analyze_side(text, pipeline.options, *pipeline.segmenter, analyzer);
  if (!side.ok()) return error_output(side.error(), nullptr, text);
  return EngineOutput{segmentation_report(side.value(), *pipeline.lexicon), false};
}

}  // namespace readout_diff
