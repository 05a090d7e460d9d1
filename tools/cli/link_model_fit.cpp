#include "link_model_fit.hpp"

#include <cmath>
#include <map>
#include <set>

#include "evaluation.hpp"

namespace readout_diff::evaluation {
namespace {

// L2 penalty on the weights (not the bias): with a few thousand pairs from a dozen comparisons it
// keeps a weight from growing on a handful of pairs.
constexpr double kL2Penalty = 1.0;
constexpr int kMaxNewtonSteps = 100;
constexpr double kConverged = 1e-10;
// Link thresholds tried, from kLowestThreshold up in kThresholdStep steps.
constexpr double kLowestThreshold = 0.20, kHighestThreshold = 0.80, kThresholdStep = 0.05;

constexpr std::size_t kParameters = kLinkFeatureCount + 1;  // the weights, then the bias
using Vector = std::array<double, kParameters>;
using Matrix = std::array<Vector, kParameters>;

// The gold sentence a span overlaps most, as the scoring rules map system sentences (or -1).
long overlapping(std::size_t start, std::size_t end, const std::vector<GoldSentence>& sentences) {
  long best = -1;
  std::size_t most = 0;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const std::size_t lo = std::max(start, sentences[k].start), hi = std::min(end, sentences[k].end);
    if (hi > lo && hi - lo > most) {
      most = hi - lo;
      best = static_cast<long>(k);
    }
  }
  return best;
}

// Solves m x = v by Gaussian elimination with partial pivoting (m is positive definite here).
Vector solve(Matrix m, Vector v) {
  for (std::size_t col = 0; col < kParameters; ++col) {
    std::size_t pivot = col;
    for (std::size_t row = col + 1; row < kParameters; ++row) {
      if (std::fabs(m[row][col]) > std::fabs(m[pivot][col])) pivot = row;
    }
    std::swap(m[col], m[pivot]);
    std::swap(v[col], v[pivot]);
    for (std::size_t row = col + 1; row < kParameters; ++row) {
      const double factor = m[row][col] / m[col][col];
      for (std::size_t k = col; k < kParameters; ++k) m[row][k] -= factor * m[col][k];
      v[row] -= factor * v[col];
    }
  }
  Vector x{};
  for (std::size_t row = kParameters; row-- > 0;) {
    double sum = v[row];
    for (std::size_t k = row + 1; k < kParameters; ++k) sum -= m[row][k] * x[k];
    x[row] = sum / m[row][row];
  }
  return x;
}

// Penalised logistic regression by Newton's method.
LinkModel fit_weights(const std::vector<const TrainingComparison*>& training) {
  Vector w{};
  for (int step = 0; step < kMaxNewtonSteps; ++step) {
    Vector gradient{};
    Matrix hessian{};
    for (const TrainingComparison* comparison : training) {
      for (std::size_t c = 0; c < comparison->candidates.size(); ++c) {
        if (comparison->labels[c] < 0) continue;
        Vector x{};
        for (std::size_t k = 0; k < kLinkFeatureCount; ++k) x[k] = comparison->candidates[c].features[k];
        x[kLinkFeatureCount] = 1.0;
        double z = 0;
        for (std::size_t k = 0; k < kParameters; ++k) z += w[k] * x[k];
        const double p = 1.0 / (1.0 + std::exp(-z));
        const double residual = p - static_cast<double>(comparison->labels[c]);
        for (std::size_t r = 0; r < kParameters; ++r) {
          gradient[r] += residual * x[r];
          for (std::size_t k = 0; k < kParameters; ++k) hessian[r][k] += p * (1 - p) * x[r] * x[k];
        }
      }
    }
    for (std::size_t k = 0; k < kLinkFeatureCount; ++k) {
      gradient[k] += kL2Penalty * w[k];
      hessian[k][k] += kL2Penalty;
    }
    hessian[kLinkFeatureCount][kLinkFeatureCount] += 1e-9;  // no comparison at all still solves
    const Vector delta = solve(hessian, gradient);
    double largest = 0;
    for (std::size_t k = 0; k < kParameters; ++k) {
      w[k] -= delta[k];
      largest = std::max(largest, std::fabs(delta[k]));
    }
    if (largest < kConverged) break;
  }
  LinkModel model;
  for (std::size_t k = 0; k < kLinkFeatureCount; ++k) model.weights[k] = w[k];
  model.bias = w[kLinkFeatureCount];
  return model;
}

// Over the comparisons in one language (cross_language false) or across languages, training[k]
// scored with the weights of weights[k] and the thresholds of `thresholds`.
double pooled_alignment_f1(const std::vector<const TrainingComparison*>& training, bool cross_language,
                           const std::vector<LinkModel>& weights, const LinkModel& thresholds, const std::string& options_json) {
  Counts pooled;
  for (std::size_t k = 0; k < training.size(); ++k) {
    const TrainingComparison* comparison = training[k];
    if (comparison->cross_language != cross_language) continue;
    LinkModel model = weights[k];
    model.threshold = thresholds.threshold;
    model.cross_language_threshold = thresholds.cross_language_threshold;
    const auto compared = compare_documents(comparison->gold->text_a, comparison->gold->text_b, options_json, &model);
    if (!compared.ok()) continue;
    pooled.add(score_comparison(*comparison->gold, compared.value()).alignment);
  }
  return pooled.f1();
}

}  // namespace

Result<TrainingComparison> training_comparison(const GoldComparison& gold) {
  auto candidates = link_candidates_of(gold.text_a, gold.text_b);
  if (!candidates.ok()) return Error{candidates.error().code, gold.id + ": " + candidates.error().message, std::nullopt};
  std::set<std::pair<long, long>> linked, related;
  for (const GoldLink& link : gold.links) {
    for (std::size_t i : link.a) {
      for (std::size_t j : link.b) (link.related ? related : linked).insert({static_cast<long>(i), static_cast<long>(j)});
    }
  }
  TrainingComparison comparison;
  comparison.gold = &gold;
  comparison.cross_language = candidates.value().cross_language;
  comparison.candidates = std::move(candidates.value().pairs);
  for (const SpanPairFeatures& pair : comparison.candidates) {
    const std::pair<long, long> mapped{overlapping(pair.a_start, pair.a_end, gold.a), overlapping(pair.b_start, pair.b_end, gold.b)};
    comparison.labels.push_back(linked.count(mapped) ? 1 : related.count(mapped) ? -1 : 0);
  }
  return comparison;
}

LinkModel fit_link_model(const std::vector<const TrainingComparison*>& training, const std::string& options_json) {
  LinkModel model = fit_weights(training);
  // The one-language threshold decides pairs of readouts the model was not fitted on, so it is
  // chosen on such confidences: each training comparison scored by weights fitted without its
  // meetings (a model is surer of the pairs it was fitted on, and a threshold chosen on them moved
  // from fold to fold, 0.35 in some and 0.40 in others). The cross-language threshold is chosen on
  // the weights fitted on all the training: the Hindi–English comparisons are few and pair up by
  // meeting (two share the 10th Corps Commander round, two the Moscow meeting), so weights
  // fitted without a comparison's meetings would have seen one or two of them at most.
  std::vector<LinkModel> without_its_meetings;
  for (const TrainingComparison* scored : training) {
    std::vector<const TrainingComparison*> others;
    for (const TrainingComparison* other : training) {
      if (!share_a_meeting(*other->gold, *scored->gold)) others.push_back(other);
    }
    without_its_meetings.push_back(fit_weights(others));
  }
  const std::vector<LinkModel> fitted_on_all(training.size(), model);
  // Each threshold only decides pairs of its own kind, so each is chosen on its own comparisons.
  // The one-language threshold is chosen first, and the cross-language one no lower than it: a
  // Hindi–English pair's evidence is the thinner (translations, fewer shared features), and the
  // few Hindi–English comparisons a fold trains on can otherwise make one link decide a low
  // threshold that lets many false ones in.
  for (const bool cross_language : {false, true}) {
    const std::vector<LinkModel>& weights = cross_language ? fitted_on_all : without_its_meetings;
    double& threshold = cross_language ? model.cross_language_threshold : model.threshold;
    const int first_step =
        cross_language ? static_cast<int>(std::lround((model.threshold - kLowestThreshold) / kThresholdStep)) : 0;
    double best = -1;
    const int steps = static_cast<int>(std::lround((kHighestThreshold - kLowestThreshold) / kThresholdStep));
    for (int step = first_step; step <= steps; ++step) {
      LinkModel trial = model;
      (cross_language ? trial.cross_language_threshold : trial.threshold) = kLowestThreshold + kThresholdStep * step;
      const double f1 = pooled_alignment_f1(training, cross_language, weights, trial, options_json);
      if (f1 > best) {
        best = f1;
        threshold = kLowestThreshold + kThresholdStep * step;
      }
    }
  }
  return model;
}

}  // namespace readout_diff::evaluation
