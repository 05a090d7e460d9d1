#pragma once
// The link model: how likely a candidate pair of sentences is one point restated, from the
// evidence the aligner measures. A logistic regression whose weights are fitted on the gold by
// `readout-diff fit` (tools/cli/link_model_fit.cpp) and shipped as data (core/data/link-model.json).
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "readout_diff/result.hpp"

namespace readout_diff {

// The evidence about one candidate pair, each in 0..1. Their names are the keys of the model file.
enum LinkFeature : std::size_t {
  kStemDice,             // weighted Dice over content stems (IDF weights over both documents); a Hindi side
                         // against an English one brings its stems' English translations
  kTrigramDice,          // weighted Dice over character trigrams (same language only)
  kConceptDice,          // weighted Dice over lexicon concepts
  kCrossConceptDice,     // concept Dice again, for a Hindi–English pair only (concepts carry it)
  kSharedEvidence,       // shared concepts and numbers, counted up to three, over three
  kNumbersDiffer,        // 1 when both give numbers and share none
  kPositionDrift,        // |relative position in A − relative position in B|
  kShareOfBestForA,      // similarity over the best similarity of A's sentence
  kShareOfBestForB,      // the same for B's sentence
  kNameDice,             // weighted Dice over names (capitalised words past the first)
  kRarestShared,         // the weight of the rarest shared stem or concept, over the largest possible
  kBothCommit,           // both sentences carry a commitment cue
  kCrossStemDice,        // stem Dice again, for a Hindi–English pair only (translations are noisier)
  kLinkFeatureCount
};
using LinkFeatures = std::array<double, kLinkFeatureCount>;

struct LinkModel {
  LinkFeatures weights{};
  double bias = 0;
  // The confidence a pair needs to be linked, chosen by the fitting script on the gold: for a pair
  // in one language, and for a Hindi–English pair (whose evidence is thinner).
  double threshold = 0.5;
  double cross_language_threshold = 0.5;
  double confidence(const LinkFeatures& features) const;
};

// {"schema":"readout-diff-link-model/1","bias":…,"threshold":…,"cross_language_threshold":…,
//  "weights":{name: weight, …}}
// with every feature named once.
Result<LinkModel> parse_link_model(std::string_view json);
std::string link_model_json(const LinkModel& model);

// The shipped model, parsed once per process (an error only if the build embedded a bad file).
const Result<LinkModel>& builtin_link_model();

}  // namespace readout_diff
