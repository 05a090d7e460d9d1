#pragma once
// Fits the link model (readout_diff/link_model.hpp) on gold comparisons: a logistic regression
// over the candidate pairs the aligner finds, labelled by the gold, then the link thresholds that
// give the best pooled alignment F1 on the same comparisons (the one-language threshold with each
// comparison scored by weights fitted without its meetings). Deterministic: the same gold gives
// the same weights, byte for byte.
#include <string>
#include <vector>

#include "gold.hpp"
#include "readout_diff/engine.hpp"

namespace readout_diff::evaluation {

// A gold comparison with the aligner's candidate pairs and their gold labels.
struct TrainingComparison {
  const GoldComparison* gold = nullptr;
  bool cross_language = false;
  std::vector<SpanPairFeatures> candidates;
  std::vector<int> labels;  // per candidate: 1 a gold link, 0 not, -1 a "related" pair (left out)
};

// An error if the engine refuses one of the texts.
Result<TrainingComparison> training_comparison(const GoldComparison& gold);

LinkModel fit_link_model(const std::vector<const TrainingComparison*>& training, const std::string& options_json);

}  // namespace readout_diff::evaluation
