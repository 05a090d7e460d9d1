#include "readout_diff/engine.hpp"

#include "pipeline.hpp"
#include "readout_diff/detail/accounting.hpp"
#include "utf8.hpp"

namespace readout_diff {
namespace {

InputError input_error(const Error& error, std::optional<Side> side, std::string_view input) {
  std::optional<TextPosition> position;
  if (error.byte_offset) position = position_of(input, *error.byte_offset);
  return InputError{error, side, position};
}

}  // namespace

Result<Comparison, InputError> compare_documents(std::string_view a, std::string_view b, std::string_view options_json,
                                                 const LinkModel* model) {
  auto made = make_pipeline(options_json, model);
  if (!made.ok()) return input_error(made.error(), std::nullopt, {});
  Pipeline& pipeline = made.value();
  Analyzer analyzer(*pipeline.lexicon, *pipeline.tokenizer);
  // Stages 1 to 4, each side.
  auto side_a = analyze_side(a, pipeline.options, *pipeline.segmenter, analyzer);
  if (!side_a.ok()) return input_error(side_a.error(), Side::a, a);
  auto side_b = analyze_side(b, pipeline.options, *pipeline.segmenter, analyzer);
  if (!side_b.ok()) return input_error(side_b.error(), Side::b, b);
  // Stages 5 and 6, then 7 and 8 in assemble_comparison.
  Alignment alignment = align(side_a.value(), side_b.value(), analyzer.vocabulary(), *pipeline.lexicon, pipeline.options.align);
  // Stage 5b: the analyst's decisions, before the accounting, so everything after follows them.
  std::optional<std::vector<ReviewOutcome>> review;
  if (pipeline.options.review) {
    review = apply_review(side_a.value(), side_b.value(), analyzer.vocabulary(), *pipeline.lexicon, pipeline.options.align,
                          *pipeline.options.review, alignment);
  }
  std::vector<CommitmentFate> fates = account_commitments(side_a.value(), side_b.value(), alignment.links);
  Comparison comparison = assemble_comparison(side_a.value(), side_b.value(), std::move(alignment), std::move(fates),
                                              analyzer.vocabulary(), *pipeline.lexicon);
  comparison.review = std::move(review);
  return comparison;
}

std::string to_json(const Comparison& comparison) { return comparison_report(comparison); }

std::string to_json(const InputError& error) {
  nlohmann::json where = nlohmann::json::object();
  if (error.side) where["side"] = *error.side == Side::a ? "a" : "b";
  return error_json(kReportSchema, error.error, error.position, std::move(where));
}

EngineOutput compare(std::string_view a, std::string_view b, std::string_view options_json) {
  const auto compared = compare_documents(a, b, options_json);
  if (!compared.ok()) return EngineOutput{to_json(compared.error()), true};
  return EngineOutput{to_json(compared.value()), false};
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

Result<Segmentation, InputError> segment_document(std::string_view text, std::string_view options_json) {
  auto made = make_pipeline(options_json);
  if (!made.ok()) return input_error(made.error(), std::nullopt, {});
  Pipeline& pipeline = made.value();
  if (auto refused = review_refused(pipeline.options, "a segmentation")) return input_error(*refused, std::nullopt, {});
  Analyzer analyzer(*pipeline.lexicon, *pipeline.tokenizer);
  auto side = analyze_side(text, pipeline.options, *pipeline.segmenter, analyzer);
  if (!side.ok()) return input_error(side.error(), std::nullopt, text);
  return segmentation_of(side.value(), *pipeline.lexicon);
}

std::string to_json(const Segmentation& segmentation) { return segmentation_report(segmentation); }

EngineOutput segment(std::string_view text, std::string_view options_json) {
  const auto segmented = segment_document(text, options_json);
  if (!segmented.ok()) return EngineOutput{to_json(segmented.error()), true};
  return EngineOutput{to_json(segmented.value()), false};
}

}  // namespace readout_diff
