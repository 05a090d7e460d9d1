#include "readout_diff/detail/link_model.hpp"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace readout_diff {
namespace {

constexpr const char* kLinkModelSchema = "readout-diff-link-model/1";

constexpr std::array<const char*, kLinkFeatureCount> kFeatureNames = {
    "stem_dice",       "trigram_dice",        "concept_dice",        "cross_concept_dice",
    "shared_evidence", "numbers_differ",      "position_drift",      "share_of_best_for_a",
    "share_of_best_for_b", "name_dice",       "rarest_shared",       "both_commit",
    "cross_stem_dice"};

Error bad_model(const std::string& what) { return Error{"internal", "Link model: " + what, std::nullopt}; }

}  // namespace

double LinkModel::confidence(const LinkFeatures& features) const {
  double sum = bias;
  for (std::size_t k = 0; k < kLinkFeatureCount; ++k) sum += weights[k] * features[k];
  return 1.0 / (1.0 + std::exp(-sum));
}

Result<LinkModel> parse_link_model(std::string_view text) {
  using nlohmann::json;
  const json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded() || !root.is_object()) return bad_model("not a JSON object");
  if (root.value("schema", "") != kLinkModelSchema) return bad_model(std::string("schema is not ") + kLinkModelSchema);
  if (!root.contains("bias") || !root["bias"].is_number()) return bad_model("\"bias\" must be a number");
  for (const char* key : {"threshold", "cross_language_threshold"}) {
    if (!root.contains(key) || !root[key].is_number() || root[key].get<double>() < 0 || root[key].get<double>() > 1) {
      return bad_model(std::string("\"") + key + "\" must be a number from 0 to 1");
    }
  }
  if (!root.contains("weights") || !root["weights"].is_object() || root["weights"].size() != kLinkFeatureCount) {
    return bad_model("\"weights\" must name each of the " + std::to_string(kLinkFeatureCount) + " features once");
  }
  LinkModel model;
  model.bias = root["bias"].get<double>();
  model.threshold = root["threshold"].get<double>();
  model.cross_language_threshold = root["cross_language_threshold"].get<double>();
  for (std::size_t k = 0; k < kLinkFeatureCount; ++k) {
    const auto it = root["weights"].find(kFeatureNames[k]);
    if (it == root["weights"].end() || !it->is_number()) return bad_model(std::string("no weight for ") + kFeatureNames[k]);
    model.weights[k] = it->get<double>();
  }
  return model;
}

std::string link_model_json(const LinkModel& model) {
  // Written by hand in a fixed order, one feature a line, so the shipped file reads and diffs well.
  const auto number = [](double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", value);
    return std::string(text);
  };
  std::string out = std::string("{\n  \"schema\": \"") + kLinkModelSchema + "\",\n  \"bias\": " + number(model.bias) +
                    ",\n  \"threshold\": " + number(model.threshold) +
                    ",\n  \"cross_language_threshold\": " + number(model.cross_language_threshold) + ",\n  \"weights\": {\n";
  for (std::size_t k = 0; k < kLinkFeatureCount; ++k) {
    out += std::string("    \"") + kFeatureNames[k] + "\": " + number(model.weights[k]) + (k + 1 < kLinkFeatureCount ? ",\n" : "\n");
  }
  return out + "  }\n}\n";
}

}  // namespace readout_diff
