#pragma once
// Shared helpers for the native tests: reading shared/ files and parsing engine output.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/wait.h>

#include "readout_diff/engine.hpp"

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

}  // namespace readout_diff::testing
