#pragma once
// Shared helpers for the native tests: reading shared/ files and parsing engine output.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/wait.h>

#include <memory>
#include <optional>
#include <vector>

#include "readout_diff/detail/builtin_lexicon.hpp"
#include "readout_diff/detail/commitments.hpp"
#include "readout_diff/detail/document.hpp"
#include "readout_diff/engine.hpp"
#include "readout_diff/detail/analyzer.hpp"
#include "readout_diff/detail/segmenter.hpp"

namespace readout_diff::testing {

inline std::string shared_path(const std::string& relative) { return std::string(READOUT_DIFF_SHARED_DIR) + "/" + relative; }

inline std::string read_shared(const std::string& relative) {
  std::ifstream in(shared_path(relative), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string corpus(const std::string& file) { return read_shared("corpus/" + file); }

// Parses an engine answer. With READOUT_DIFF_REPORT_DIR set (ctest sets it), the answer is also
// written there, named by its hash, for tests/wasm/validate-reports.mjs to check against the
// report schema once the suite has run.
inline nlohmann::json recorded(const std::string& answer) {
  if (const char* folder = std::getenv("READOUT_DIFF_REPORT_DIR")) {
    std::ofstream(std::string(folder) + "/" + std::to_string(std::hash<std::string>{}(answer)) + ".json", std::ios::binary)
        << answer;
  }
  return nlohmann::json::parse(answer);
}

inline nlohmann::json segment(const std::string& text, const std::string& options = "") {
  return recorded(segment_json(text, options));
}
inline nlohmann::json compare(const std::string& a, const std::string& b, const std::string& options = "") {
  return recorded(compare_json(a, b, options));
}

// The CLI (READOUT_DIFF_CLI) run through the shell: stdout captured, stderr folded in when asked.
struct CliRun {
  int exit_code;
  std::string output;
};

inline CliRun run_cli(const std::string& arguments, bool with_stderr = false) {
  const std::string command = std::string("'") + READOUT_DIFF_CLI + "' " + arguments + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

inline std::string corpus_file(const std::string& name) { return "'" + shared_path("corpus/" + name) + "'"; }

inline constexpr const char* kMoscowEn = "2020-09-10_moscow_in-cn_fm_mea_en.txt";
inline constexpr const char* kMoscowHi = "2020-09-10_moscow_in-cn_fm_mea_hi.txt";
inline constexpr const char* kDushanbeHi = "2021-07-14_dushanbe_in-cn_fm_mea-seed_hi.txt";
inline constexpr const char* kDushanbeEn = "2021-07-14_dushanbe_in-cn_fm_netindian-news_en.txt";

// Stages 1 to 4 run one by one, for the tests of a single stage: the built-in lexicon, a segmenter,
// a tokenizer and one analyzer (one vocabulary) for every text analysed. Texts are kept here, as the
// documents view them. Any set-up failure fails the test that made it.
class Stages {
 public:
  Stages() {
    auto segmenter = Segmenter::create();
    auto tokenizer = Tokenizer::create();
    if (!segmenter.ok() || !tokenizer.ok() || !builtin_lexicon().ok()) {
      ADD_FAILURE() << "the engine's set-up failed";
      return;
    }
    segmenter_ = std::move(segmenter).value();
    tokenizer_ = std::move(tokenizer).value();
    analyzer_ = std::make_unique<Analyzer>(lexicon(), *tokenizer_);
  }

  const CompiledLexicon& lexicon() const { return builtin_lexicon().value(); }
  const Vocabulary& vocabulary() const { return analyzer_->vocabulary(); }
  Tokenizer& tokenizer() { return *tokenizer_; }

  // Ingest, segmentation, features and commitments of `text`.
  AnalyzedDocument analyzed(const std::string& text) {
    texts_.push_back(std::make_unique<std::string>(text));
    auto input = check_text_input(*texts_.back());
    if (!input.ok()) ADD_FAILURE() << input.error().message;
    auto document = segmenter_->segment(input.value());
    if (!document.ok()) ADD_FAILURE() << document.error().message;
    AnalyzedDocument side{std::move(document).value(), {}, {}};
    auto features = analyzer_->analyze(side.document);
    if (!features.ok()) ADD_FAILURE() << features.error().message;
    side.features = std::move(features).value();
    std::optional<Commitment> previous;
    for (std::size_t i = 0; i < side.document.sentences.size(); ++i) {
      previous = detect_commitment(side.document.sentences[i], side.features.sentences[i], lexicon(), vocabulary(), previous);
      side.commitments.push_back(previous);
    }
    return side;
  }

 private:
  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<Analyzer> analyzer_;
  std::vector<std::unique_ptr<std::string>> texts_;
};

}  // namespace readout_diff::testing
