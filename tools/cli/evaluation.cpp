#include "evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "bounded_read.hpp"
#include "link_model_fit.hpp"
#include "readout_diff/engine.hpp"

namespace readout_diff::evaluation {

using nlohmann::json;

void Counts::add(const Counts& other) {
  true_positive += other.true_positive;
  false_positive += other.false_positive;
  false_negative += other.false_negative;
}
double Counts::precision() const {
  return true_positive + false_positive > 0 ? true_positive / (true_positive + false_positive) : 1.0;
}
double Counts::recall() const {
  return true_positive + false_negative > 0 ? true_positive / (true_positive + false_negative) : 1.0;
}
double Counts::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void Scores::add(const Scores& other) {
  segmentation.add(other.segmentation);
  alignment.add(other.alignment);
  commitments.add(other.commitments);
  for (int k = 0; k < 3; ++k) status[k].add(other.status[k]);
  relations_right += other.relations_right;
  relations_found += other.relations_found;
}

double Scores::relation_accuracy() const { return relations_found > 0 ? relations_right / relations_found : 1.0; }

double Scores::status_macro_f1() const {
  double sum = 0;
  int labels = 0;
  for (const Counts& c : status) {
    if (c.true_positive + c.false_positive + c.false_negative == 0) continue;  // label absent everywhere
    sum += c.f1();
    ++labels;
  }
  return labels > 0 ? sum / labels : 1.0;
}

json Scores::to_json() const {
  const auto prf = [](const Counts& c) {
    return json{{"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()}};
  };
  return json{{"segmentation", prf(segmentation)},
              {"alignment", prf(alignment)},
              {"status_macro_f1", status_macro_f1()},
              {"relation_accuracy", relation_accuracy()},
              {"commitments", prf(commitments)}};
}

void Evaluation::add(PairResult result) {
  (result.cross_language ? cross_language : same_language).add(result.scores);
  pairs.push_back(std::move(result));
}

namespace {

enum StatusLabel { kKept = 0, kNew = 1, kDropped = 2 };

struct Span {
  std::size_t start, end;
};

// A gold file lists the sentences of two readouts of at most 16 MiB each, with labels: anything
// past this is no gold file (and is not read whole).
constexpr std::size_t kMaxGoldFileBytes = 64u * 1024u * 1024u;

std::vector<Span> spans_of(const std::vector<GoldSentence>& sentences) {
  std::vector<Span> spans;
  for (const GoldSentence& s : sentences) spans.push_back({s.start, s.end});
  return spans;
}

std::vector<Span> system_spans(const ComparedSide& side) {
  std::vector<Span> spans;
  for (const ClassifiedSentence& s : side.sentences) spans.push_back({s.sentence.start, s.sentence.end});
  return spans;
}

// For each sentence of `from`, the sentence of `onto` it overlaps most (or -1).
std::vector<long> best_overlap(const std::vector<Span>& from, const std::vector<Span>& onto) {
  std::vector<long> mapping;
  for (const Span& f : from) {
    long best = -1;
    std::size_t best_overlap_bytes = 0;
    for (std::size_t k = 0; k < onto.size(); ++k) {
      const std::size_t lo = std::max(f.start, onto[k].start), hi = std::min(f.end, onto[k].end);
      if (hi > lo && hi - lo > best_overlap_bytes) {
        best_overlap_bytes = hi - lo;
        best = static_cast<long>(k);
      }
    }
    mapping.push_back(best);
  }
  return mapping;
}

Counts set_counts(const std::set<std::pair<std::size_t, std::size_t>>& system,
                  const std::set<std::pair<std::size_t, std::size_t>>& gold) {
  Counts c;
  for (const auto& p : system) (gold.count(p) ? c.true_positive : c.false_positive) += 1;
  for (const auto& p : gold) c.false_negative += system.count(p) ? 0 : 1;
  return c;
}

Counts boundary_counts(const std::vector<Span>& system, const std::vector<Span>& gold) {
  std::set<std::pair<std::size_t, std::size_t>> sys, ref;
  for (const Span& s : system) {
    sys.insert({s.start, 0});
    sys.insert({s.end, 0});
  }
  for (const Span& s : gold) {
    ref.insert({s.start, 0});
    ref.insert({s.end, 0});
  }
  return set_counts(sys, ref);
}

PairResult scored(const GoldComparison& gold, const std::string& options_json, const LinkModel* model, std::string& error) {
  const auto compared = compare_documents(gold.text_a, gold.text_b, options_json, model);
  if (!compared.ok()) {
    error = gold.id + ": the engine reported " + compared.error().error.message;
    return {};
  }
  const Comparison& comparison = compared.value();
  PairResult result;
  result.id = gold.id;
  result.cross_language = comparison.a.language != comparison.b.language;
  result.scores = score_comparison(gold, comparison);
  return result;
}

}  // namespace

Scores score_comparison(const GoldComparison& gold, const Comparison& comparison) {
  Scores scores;
  const std::vector<Span> gold_a = spans_of(gold.a), gold_b = spans_of(gold.b);
  const std::vector<Span> sys_a = system_spans(comparison.a), sys_b = system_spans(comparison.b);
  scores.segmentation.add(boundary_counts(sys_a, gold_a));
  scores.segmentation.add(boundary_counts(sys_b, gold_b));

  // Alignment: system pairs mapped onto gold sentences; pairs in "related" gold links ignored.
  const std::vector<long> map_a = best_overlap(sys_a, gold_a), map_b = best_overlap(sys_b, gold_b);
  std::set<std::pair<std::size_t, std::size_t>> gold_pairs, related_pairs, system_pairs;
  std::map<std::pair<std::size_t, std::size_t>, std::string> gold_relation;
  std::vector<bool> gold_kept_a(gold_a.size(), false), gold_kept_b(gold_b.size(), false);
  for (const GoldLink& link : gold.links) {
    for (std::size_t i : link.a) {
      for (std::size_t j : link.b) {
        (link.related ? related_pairs : gold_pairs).insert({i, j});
        if (!link.related) gold_relation[{i, j}] = link.relation;
      }
    }
    if (link.related) continue;
    for (std::size_t i : link.a) gold_kept_a[i] = true;
    for (std::size_t j : link.b) gold_kept_b[j] = true;
  }
  for (const ComparedLink& compared : comparison.links) {
    const Link& link = compared.link;
    for (std::size_t i : link.a) {
      for (std::size_t j : link.b) {
        const long gi = map_a[i], gj = map_b[j];
        if (gi < 0 || gj < 0) continue;
        const auto pair = std::make_pair(static_cast<std::size_t>(gi), static_cast<std::size_t>(gj));
        if (related_pairs.count(pair) == 0 || gold_pairs.count(pair) != 0) system_pairs.insert(pair);
        const auto gold_link = gold_relation.find(pair);
        if (gold_link != gold_relation.end()) {
          scores.relations_found += 1;
          scores.relations_right += gold_link->second == to_string(link.relation) ? 1 : 0;
        }
      }
    }
  }
  scores.alignment = set_counts(system_pairs, gold_pairs);

  // Status and commitments: each gold sentence takes the system sentence overlapping it most.
  const auto score_side = [&](const std::vector<GoldSentence>& gold_sentences, const std::vector<Span>& gold_spans,
                              const std::vector<Span>& sys_spans, const ComparedSide& sys_side, const std::vector<bool>& gold_kept,
                              StatusLabel unmatched) {
    const std::vector<long> onto_system = best_overlap(gold_spans, sys_spans);
    for (std::size_t g = 0; g < gold_spans.size(); ++g) {
      const long s = onto_system[g];
      const StatusLabel expected = gold_kept[g] ? kKept : unmatched;
      // A sentence is kept when it is in a link (it has a relation), else dropped or new.
      const StatusLabel found = s >= 0 && sys_side.outcomes[static_cast<std::size_t>(s)].relation ? kKept : unmatched;
      if (expected == found) {
        scores.status[expected].true_positive += 1;
      } else {
        scores.status[found].false_positive += 1;
        scores.status[expected].false_negative += 1;
      }
      const bool gold_commitment = gold_sentences[g].commitment;
      const bool system_commitment = s >= 0 && sys_side.sentences[static_cast<std::size_t>(s)].commitment.has_value();
      if (gold_commitment && system_commitment) scores.commitments.true_positive += 1;
      if (!gold_commitment && system_commitment) scores.commitments.false_positive += 1;
      if (gold_commitment && !system_commitment) scores.commitments.false_negative += 1;
    }
  };
  score_side(gold.a, gold_a, sys_a, comparison.a, gold_kept_a, kDropped);
  score_side(gold.b, gold_b, sys_b, comparison.b, gold_kept_b, kNew);
  return scores;
}

GoldSet read_gold_set(const std::filesystem::path& gold_dir, const std::filesystem::path& corpus_dir) {
  GoldSet set;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(gold_dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string text;
    const cli::FileRead read = cli::read_regular_file(file, text, kMaxGoldFileBytes);
    if (read == cli::FileRead::too_large) {
      set.errors.push_back(file.filename().string() + ": over 64 MiB, too large for a gold file");
      continue;
    }
    if (read != cli::FileRead::ok) {
      set.errors.push_back(file.filename().string() + ": cannot read " + file.string());
      continue;
    }
    auto gold = read_gold(text, file.filename().string(), corpus_dir);
    if (gold.ok()) set.comparisons.push_back(std::move(gold).value());
    else set.errors.push_back(gold.error().message);
  }
  return set;
}

Evaluation evaluate(const GoldSet& gold, const std::string& options_json, const LinkModel* model) {
  Evaluation evaluation;
  evaluation.errors = gold.errors;
  for (const GoldComparison& comparison : gold.comparisons) {
    std::string error;
    PairResult result = scored(comparison, options_json, model, error);
    if (error.empty()) evaluation.add(std::move(result));
    else evaluation.errors.push_back(error);
  }
  return evaluation;
}

namespace {

// Which comparisons a held-out comparison's model may not be fitted on.
enum class HeldOut { its_meetings, itself };

// Each prepared comparison scored by a model fitted without the comparisons `held_out` excludes.
Evaluation held_out_evaluation(const std::vector<TrainingComparison>& prepared, const std::string& options_json,
                               HeldOut held_out) {
  Evaluation evaluation;
  double log_loss_sum = 0, log_loss_count = 0;
  evaluation.band_pairs_and_links.assign(std::size(kConfidenceBands), {0.0, 0.0});
  for (const TrainingComparison& scored_comparison : prepared) {
    const GoldComparison& scored_gold = *scored_comparison.gold;
    std::vector<const TrainingComparison*> training;
    for (const TrainingComparison& other : prepared) {
      const bool excluded =
          held_out == HeldOut::its_meetings ? share_a_meeting(*other.gold, scored_gold) : &other == &scored_comparison;
      if (!excluded) training.push_back(&other);
    }
    const LinkModel model = fit_link_model(training, options_json);
    for (std::size_t c = 0; c < scored_comparison.candidates.size(); ++c) {
      if (scored_comparison.labels[c] < 0) continue;
      const double p = std::clamp(model.confidence(scored_comparison.candidates[c].features), 1e-9, 1 - 1e-9);
      log_loss_sum -= scored_comparison.labels[c] == 1 ? std::log(p) : std::log(1 - p);
      log_loss_count += 1;
      std::size_t band = 0;
      while (p < kConfidenceBands[band]) ++band;
      evaluation.band_pairs_and_links[band].first += 1;
      evaluation.band_pairs_and_links[band].second += scored_comparison.labels[c] == 1 ? 1 : 0;
    }
    std::string error;
    PairResult result = scored(scored_gold, options_json, &model, error);
    if (error.empty()) evaluation.add(std::move(result));
    else evaluation.errors.push_back(error);
  }
  evaluation.held_out_log_loss = log_loss_count > 0 ? log_loss_sum / log_loss_count : 0.0;
  return evaluation;
}

}  // namespace

Evaluation cross_validate(const GoldSet& gold, const std::string& options_json, HeldOutCheck check) {
  std::vector<std::string> errors = gold.errors;
  std::vector<TrainingComparison> prepared;
  for (const GoldComparison& comparison : gold.comparisons) {
    auto training = training_comparison(comparison);
    if (training.ok()) prepared.push_back(std::move(training).value());
    else errors.push_back(training.error().message);
  }
  Evaluation evaluation = held_out_evaluation(prepared, options_json, HeldOut::its_meetings);
  errors.insert(errors.end(), evaluation.errors.begin(), evaluation.errors.end());
  evaluation.errors = std::move(errors);
  if (check == HeldOutCheck::none) return evaluation;
  // Its errors, if any, are the ones above: the same comparisons scored by the same engine.
  const Evaluation by_comparison = held_out_evaluation(prepared, options_json, HeldOut::itself);
  evaluation.leave_one_comparison_out =
      Evaluation::Check{by_comparison.same_language, by_comparison.cross_language, by_comparison.held_out_log_loss};
  return evaluation;
}

std::string format_text(const Evaluation& evaluation, const Evaluation* cross_validated) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%-36s %-6s %6s %6s %6s %6s %8s\n", "comparison", "langs", "seg", "align", "status", "commit",
                "relation");
  out += line;
  const auto row = [&](const std::string& name, const char* kind, const Scores& s) {
    std::snprintf(line, sizeof line, "%-36s %-6s %6.3f %6.3f %6.3f %6.3f %8.3f\n", name.c_str(), kind, s.segmentation.f1(),
                  s.alignment.f1(), s.status_macro_f1(), s.commitments.f1(), s.relation_accuracy());
    out += line;
  };
  for (const PairResult& pair : evaluation.pairs) row(pair.id, pair.cross_language ? "hi-en" : "same", pair.scores);
  row("OVERALL same-language", "same", evaluation.same_language);
  row("OVERALL Hindi-English", "hi-en", evaluation.cross_language);
  if (cross_validated != nullptr) {
    out += "\ncross-validated (each comparison scored by a model fitted without its meetings):\n";
    for (const PairResult& pair : cross_validated->pairs) row(pair.id, pair.cross_language ? "hi-en" : "same", pair.scores);
    row("CROSS-VALIDATED same-language", "same", cross_validated->same_language);
    row("CROSS-VALIDATED Hindi-English", "hi-en", cross_validated->cross_language);
    std::snprintf(line, sizeof line, "held-out log loss of the link model: %.4f\n", cross_validated->held_out_log_loss);
    out += line;
    out += "held-out candidate pairs by confidence (pairs, share that are gold links):";
    for (std::size_t band = 0; band < cross_validated->band_pairs_and_links.size(); ++band) {
      const auto& [pairs, links] = cross_validated->band_pairs_and_links[band];
      std::snprintf(line, sizeof line, " >=%.1f: %.0f, %.2f;", kConfidenceBands[band], pairs, pairs > 0 ? links / pairs : 0.0);
      out += line;
    }
    out += "\n";
    if (cross_validated->leave_one_comparison_out) {
      const Evaluation::Check& check = *cross_validated->leave_one_comparison_out;
      out += "\nleaving one comparison out instead (a model fitted on every other comparison, its meetings' included):\n";
      row("ONE-COMPARISON-OUT same-language", "same", check.same_language);
      row("ONE-COMPARISON-OUT Hindi-English", "hi-en", check.cross_language);
      std::snprintf(line, sizeof line, "held-out log loss of the link model: %.4f\n", check.held_out_log_loss);
      out += line;
    }
  }
  for (const std::string& error : evaluation.errors) out += "error: " + error + "\n";
  return out;
}

json format_json(const Evaluation& evaluation, const Evaluation* cross_validated) {
  const auto pairs_of = [](const Evaluation& e) {
    json pairs = json::array();
    for (const PairResult& pair : e.pairs) {
      json entry = pair.scores.to_json();
      entry["id"] = pair.id;
      entry["cross_language"] = pair.cross_language;
      pairs.push_back(std::move(entry));
    }
    return pairs;
  };
  const auto overall_of = [](const Evaluation& e) {
    return json{{"same_language", e.same_language.to_json()}, {"cross_language", e.cross_language.to_json()}};
  };
  json out{{"pairs", pairs_of(evaluation)}, {"overall", overall_of(evaluation)}, {"errors", evaluation.errors}};
  if (cross_validated != nullptr) {
    out["cross_validated"] = json{{"pairs", pairs_of(*cross_validated)},
                                  {"overall", overall_of(*cross_validated)},
                                  {"held_out_log_loss", cross_validated->held_out_log_loss}};
    json bands = json::array();
    for (std::size_t band = 0; band < cross_validated->band_pairs_and_links.size(); ++band) {
      const auto& [pairs, links] = cross_validated->band_pairs_and_links[band];
      bands.push_back({{"from", kConfidenceBands[band]}, {"pairs", pairs}, {"links", links}});
    }
    out["cross_validated"]["confidence_bands"] = std::move(bands);
    if (cross_validated->leave_one_comparison_out) {
      const Evaluation::Check& check = *cross_validated->leave_one_comparison_out;
      out["cross_validated"]["leave_one_comparison_out"] =
          json{{"overall", json{{"same_language", check.same_language.to_json()}, {"cross_language", check.cross_language.to_json()}}},
               {"held_out_log_loss", check.held_out_log_loss}};
    }
  }
  return out;
}

}  // namespace readout_diff::evaluation
