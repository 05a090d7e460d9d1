#pragma once
// One hand-labelled gold comparison (format in shared/gold/README.md), read and checked like any
// other input: a malformed file is an error naming the file and the fault, never a crash.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "readout_diff/result.hpp"

namespace readout_diff::evaluation {

struct GoldSentence {
  std::size_t start = 0, end = 0;  // byte span in the readout's text
  bool commitment = false;
};

struct GoldLink {
  std::vector<std::size_t> a, b;  // sentence indices
  bool related = false;           // a loose echo: neither rewarded nor penalised
  std::string relation;           // "repeated", "modified" or "related"
};

struct GoldComparison {
  std::string id;
  std::string text_a, text_b;
  // The meetings the two readouts report, as the corpus names them ("2020-09-10_moscow"): cross-
  // validation holds out every comparison that shares a meeting with the one it scores.
  std::string meeting_a, meeting_b;
  std::vector<GoldSentence> a, b;
  std::vector<GoldLink> links;
};

// Whether two comparisons report a meeting in common (cross-validation fits a comparison's model
// on the comparisons that do not).
bool share_a_meeting(const GoldComparison& x, const GoldComparison& y);

// `json_text` is the gold file's content, `name` how errors cite it; the readouts are read from
// `corpus_dir`.
Result<GoldComparison> read_gold(std::string_view json_text, const std::string& name, const std::filesystem::path& corpus_dir);

}  // namespace readout_diff::evaluation
