#pragma once
// Scores the engine against the hand-labelled comparisons in shared/gold (rules in its README):
// segmentation boundary F1, alignment pair F1, status macro F1 (kept/new/dropped) and
// commitment F1, per comparison and pooled over the same-language and the Hindi–English pairs;
// and, for what is fitted on that gold, the same figures cross-validated.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gold.hpp"
#include "readout_diff/engine.hpp"

namespace readout_diff::evaluation {

struct Counts {
  double true_positive = 0, false_positive = 0, false_negative = 0;
  void add(const Counts& other);
  double precision() const;
  double recall() const;
  double f1() const;
};

struct Scores {
  Counts segmentation, alignment, commitments;
  Counts status[3];  // kept, new, dropped
  // Of the gold pairs found, how many carry the gold relation (repeated or modified). Not part of
  // the quality bar: shown so that the relation's quality is visible.
  double relations_right = 0, relations_found = 0;
  double relation_accuracy() const;
  void add(const Scores& other);
  double status_macro_f1() const;
  nlohmann::json to_json() const;
};

struct PairResult {
  std::string id;
  bool cross_language = false;
  Scores scores;
};

// Lower bounds of the confidence bands the calibration is shown for, from the top.
inline constexpr double kConfidenceBands[] = {0.8, 0.6, 0.4, 0.2, 0.0};

struct Evaluation {
  std::vector<PairResult> pairs;
  Scores same_language, cross_language;
  std::vector<std::string> errors;  // a gold file that could not be scored, and why
  // Cross-validated only: the held-out candidate pairs' mean log loss under their fold's model
  // (lower is better; a smoother measure of the model than F1 on a few dozen links).
  double held_out_log_loss = 0;
  // Cross-validated only: of the held-out candidate pairs whose confidence falls in each band
  // (kConfidenceBands, from the top), how many and how many are gold links: what a band promises.
  std::vector<std::pair<double, double>> band_pairs_and_links;
  // Cross-validated only: the pooled figures again with each comparison scored by a model fitted
  // on every other comparison (its meetings' other readouts included): a check that the figures
  // above do not hang on how the gold is split.
  struct Check {
    Scores same_language, cross_language;
    double held_out_log_loss = 0;
  };
  std::optional<Check> leave_one_comparison_out;
  void add(PairResult result);
};

// Every *.json in gold_dir, read and checked against its texts in corpus_dir; a file that is not a
// valid gold comparison goes to `errors` with the reason.
struct GoldSet {
  std::vector<GoldComparison> comparisons;
  std::vector<std::string> errors;
};
GoldSet read_gold_set(const std::filesystem::path& gold_dir, const std::filesystem::path& corpus_dir);

// Scores each comparison with the engine as built (or with `model` instead of the built-in link model).
Evaluation evaluate(const GoldSet& gold, const std::string& options_json = "", const LinkModel* model = nullptr);

// Each comparison scored by a link model fitted (tools/cli/link_model_fit.hpp) on the other
// comparisons that share no meeting with it: the figures to expect on readouts never seen; with
// HeldOutCheck::leave_one_comparison_out, leave_one_comparison_out too (it takes as long again).
enum class HeldOutCheck { none, leave_one_comparison_out };
Evaluation cross_validate(const GoldSet& gold, const std::string& options_json = "",
                          HeldOutCheck check = HeldOutCheck::leave_one_comparison_out);

std::string format_text(const Evaluation& evaluation, const Evaluation* cross_validated = nullptr);
nlohmann::json format_json(const Evaluation& evaluation, const Evaluation* cross_validated = nullptr);

// For the fitter: a comparison's alignment as scored, one comparison at a time. `comparison` is
// of gold's two texts.
Scores score_comparison(const GoldComparison& gold, const Comparison& comparison);

}  // namespace readout_diff::evaluation
