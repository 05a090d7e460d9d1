// The native engine timed inside one process, like the wasm engine under node: warm-up calls, then
// timed readout_diff::compare() calls on texts already in memory. Built by tools/bench/bench.mjs
// against the native preset's static libraries (nothing here is part of the product):
//   native-inprocess A B REPS WARMUP BUDGET_MS MAX_TOTAL_MS
// prints one JSON line: {"times_ms":[…],"rss_peak_bytes":N,"sentences":…}.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "readout_diff/engine.hpp"

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::fprintf(stderr, "usage: native-inprocess A B REPS WARMUP BUDGET_MS MAX_TOTAL_MS\n");
    return 2;
  }
  const std::string a = read_file(argv[1]);
  const std::string b = read_file(argv[2]);
  const int reps = std::atoi(argv[3]);
  const int warmup = std::atoi(argv[4]);
  const double budget_ms = std::atof(argv[5]);
  const double max_total_ms = std::atof(argv[6]);

  int target = reps;
  std::size_t report_bytes = 0;
  for (int k = 0; k < warmup; ++k) {
    const double t0 = now_ms();
    const readout_diff::EngineOutput out = readout_diff::compare(a, b, "");
    const double took = now_ms() - t0;
    if (out.is_error) {
      std::fprintf(stderr, "engine error: %s\n", out.json.c_str());
      return 1;
    }
    report_bytes = out.json.size();
    if (took * reps > max_total_ms) target = std::max(1, std::min(reps, static_cast<int>(max_total_ms / took)));
  }
  std::vector<double> times;
  const double started = now_ms();
  while (static_cast<int>(times.size()) < target) {
    const double t0 = now_ms();
    const readout_diff::EngineOutput out = readout_diff::compare(a, b, "");
    times.push_back(now_ms() - t0);
    report_bytes = out.json.size();
    if (times.size() >= 3 && now_ms() - started > budget_ms) break;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("{\"engine\":\"native-inprocess\",\"times_ms\":[");
  for (std::size_t k = 0; k < times.size(); ++k) std::printf("%s%.4f", k ? "," : "", times[k]);
  std::printf("],\"warmup\":%d,\"rss_peak_bytes\":%ld,\"report_bytes\":%zu}\n", warmup, usage.ru_maxrss * 1024L, report_bytes);
  return 0;
}
