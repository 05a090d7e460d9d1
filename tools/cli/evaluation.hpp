#pragma once
// Scores the engine against the hand-labelled comparisons in shared/gold (rules in its README):
// segmentation boundary F1, alignment pair F1, status macro F1 (kept/new/dropped) and
// commitment F1, per comparison and pooled over the same-language and the Hindi–English pairs.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

struct Evaluation {
  std::vector<PairResult> pairs;
  Scores same_language, cross_language;
  std::vector<std::string> errors;  // a gold file that could not be scored, and why
};

// Reads every *.json in gold_dir; the texts come from corpus_dir; `options_json` goes to the engine.
Evaluation evaluate(const std::filesystem::path& gold_dir, const std::filesystem::path& corpus_dir,
                    const std::string& options_json = "");

std::string format_text(const Evaluation& evaluation);
nlohmann::json format_json(const Evaluation& evaluation);

}  // namespace readout_diff::evaluation
