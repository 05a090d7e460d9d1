#include "readout_diff/engine.hpp"

#include "pipeline.hpp"

namespace readout_diff {
namespace {

EngineOutput error_output(const Error& error, const char* side, std::string_view input) {
  nlohmann::json where = nlohmann::json::object();
  if (side != nullptr) where["side"] = side;
  return error_output(kReportSchema, error, input, std::move(where));
}

}  // namespace

EngineOutput compare(std::string_view a, std::string_view b, std::string_view options_json) {
  auto made = make_pipeline(options_json);
  if (!made.ok()) return error_output(made.error(), nullptr, {});
  Pipeline& pipeline = made.value();
  auto side_a = analyze_side(a, pipeline.options, *pipeline.segmenter, *pipeline.analyzer);
  if (!side_a.ok()) return error_output(side_a.error(), "a", a);
  auto side_b = analyze_side(b, pipeline.options, *pipeline.segmenter, *pipeline.analyzer);
  if (!side_b.ok()) return error_output(side_b.error(), "b", b);
  const std::vector<Link> links =
      align(side_a.value().document, side_a.value().features, side_b.value().document, side_b.value().features,
            pipeline.analyzer->vocabulary(), *pipeline.lexicon, pipeline.options.align);
  return EngineOutput{comparison_report(side_a.value(), side_b.value(), links, pipeline.analyzer->vocabulary(), *pipeline.lexicon),
                      false};
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
