// readout-diff: the native command line over the engine. Prints JSON on stdout.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bounded_read.hpp"
#include "evaluation.hpp"
#include "link_model_fit.hpp"
#include "readout_diff/engine.hpp"
#include "series_formats.hpp"

namespace {

constexpr int kExitOk = 0, kExitBadInput = 1, kExitUsage = 2;

constexpr const char* kUsage = R"(Usage:
  readout-diff compare A B [--options JSON]   compare two readouts; prints the readout-diff/1 report
  readout-diff segment FILE [--options JSON]  print a readout's sentences
  readout-diff track FILE... [--window K] [--options JSON] [--format json|markdown|csv]
                                              follow statements and commitments across 2 to 100
                                              readouts, in the order given: each is compared with
                                              the next K (default 3); prints the
                                              readout-diff-series/1 report, a Markdown summary of
                                              what changed, or a CSV of threads x readouts
  readout-diff eval GOLD_DIR [--corpus DIR] [--format text|json] [--options JSON] [--cross-validate]
                                              score the engine against hand-labelled comparisons
                                              (corpus defaults to GOLD_DIR/../corpus); with
                                              --cross-validate, also each comparison scored by a
                                              link model fitted without its meetings
  readout-diff fit GOLD_DIR [--corpus DIR] [--options JSON]
                                              fit the link model on the gold; prints the model file
                                              (core/data/link-model.json)
  readout-diff --help | --version

FILE, A and B are UTF-8 text files; '-' reads standard input (for one of them).
K is a whole number from 1 to 99.
Options JSON keys (all optional): max_bytes, min_link_score, min_cross_language_score,
repeated_min_score, partner_ratio, and for compare review (the analyst's decisions, e.g.
{"review":[{"action":"reject","a":[3],"b":[4]}]}; docs/engine.md, "Review by hand").
Exit status: 0 success, 1 bad input or output that could not be written (the message is on
standard error), 2 bad usage.
)";

// `text` made safe to show on a terminal: control characters (C0, DEL and C1, which an option key
// or a file name can carry) are written as \xHH or \u00HH, so they cannot drive the terminal.
std::string terminal_safe(std::string_view text) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80;  // U+0080 to U+009F in UTF-8
    if (c1) {
      const auto code = static_cast<unsigned char>(text[++i]);
      out += std::string("\\u00") + digits[code >> 4] + digits[code & 15];
    } else if (c < 0x20 || c == 0x7F) {
      out += std::string("\\x") + digits[c >> 4] + digits[c & 15];
    } else {
      out += text[i];
    }
  }
  return out;
}

// Every message the CLI writes to standard error, made terminal-safe.
void complain(std::string_view message) { std::cerr << "readout-diff: " << terminal_safe(message) << "\n"; }

// Writes to standard output and gives `status`, or exit status 1 with the reason if the output did
// not get through (a full disk): a report that never reached its file is not a success.
int print(std::initializer_list<std::string_view> parts, int status) {
  bool written = true;
  for (std::string_view part : parts) written = written && std::fwrite(part.data(), 1, part.size(), stdout) == part.size();
  written = written && std::fflush(stdout) == 0;
  if (!written) {
    const int reason = errno;  // before anything else can change it
    complain(std::string("cannot write the output: ") + std::strerror(reason));
    return kExitBadInput;
  }
  return status;
}

int usage_error(const std::string& message) {
  complain(message);
  std::cerr << "\n" << kUsage;
  return kExitUsage;
}

// The engine's limit + 1 byte: that byte is enough for the engine to refuse the text as too_large.
constexpr std::size_t kMostReadoutBytes = readout_diff::kMaxInputBytes + 1;

// Reads a file, or standard input for "-"; on failure says so, with the system's reason (and
// `where`, which names the file's place among several).
bool read_input(const std::string& path, std::string& text, const std::string& where = "") {
  errno = 0;
  bool read = false;
  if (path == "-") {
    read = readout_diff::cli::read_bounded(std::cin, text, kMostReadoutBytes);
  } else {
    read = readout_diff::cli::read_file_bounded(path, text, kMostReadoutBytes);
  }
  if (!read) complain("cannot read " + path + where + (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()));
  return read;
}

std::string display_name(const std::string& path) { return path == "-" ? std::string("standard input") : path; }

// An error's message on stderr, after `where` (the file at fault, if any); bad options are bad usage.
int fail(const std::string& where, const readout_diff::Error& error) {
  complain(where + error.message);
  return error.code == "bad_options" ? kExitUsage : kExitBadInput;
}

int run(const std::vector<std::string>& args) {
  if (args.empty()) return usage_error("no command given");
  if (args[0] == "--help" || args[0] == "-h") {
    return print({kUsage}, kExitOk);
  }
  if (args[0] == "--version") {
    return print({"readout-diff " READOUT_DIFF_VERSION " (report schema ", readout_diff::kReportSchema, ")\n"}, kExitOk);
  }
  const std::string command = args[0];
  std::vector<std::string> positional;
  std::string options_json, corpus, format, window = std::to_string(readout_diff::kDefaultSeriesWindow);
  bool cross_validate = false;
  for (std::size_t k = 1; k < args.size(); ++k) {
    const std::string& arg = args[k];
    if (arg == "--cross-validate" && command == "eval") {
      cross_validate = true;
      continue;
    }
    const bool takes_value = arg == "--options" || arg == "--corpus" || arg == "--format" || arg == "--window";
    if (takes_value) {
      if (k + 1 >= args.size()) return usage_error(arg + " needs a value");
      (arg == "--options" ? options_json : arg == "--corpus" ? corpus : arg == "--format" ? format : window) = args[++k];
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return usage_error("unknown option " + arg);
    } else {
      positional.push_back(arg);
    }
  }

  if (command == "compare") {
    if (positional.size() != 2) return usage_error("compare takes two files");
    if (positional[0] == "-" && positional[1] == "-") {
      return usage_error("standard input ('-') can be read for one side only; give a file for the other");
    }
    std::string a, b;
    if (!read_input(positional[0], a) || !read_input(positional[1], b)) return kExitBadInput;
    const auto compared = readout_diff::compare_documents(a, b, options_json);
    if (!compared.ok()) {
      const readout_diff::InputError& error = compared.error();
      const std::string where =
          error.side ? display_name(positional[*error.side == readout_diff::Side::a ? 0 : 1]) + ": " : "";
      return fail(where, error.error);
    }
    return print({readout_diff::to_json(compared.value()), "\n"}, kExitOk);
  }
  if (command == "segment") {
    if (positional.size() != 1) return usage_error("segment takes one file");
    std::string text;
    if (!read_input(positional[0], text)) return kExitBadInput;
    const auto segmented = readout_diff::segment_document(text, options_json);
    if (!segmented.ok()) {
      const readout_diff::InputError& error = segmented.error();
      return fail(error.position ? display_name(positional[0]) + ": " : "", error.error);
    }
    return print({readout_diff::to_json(segmented.value()), "\n"}, kExitOk);
  }
  if (command == "track") {
    if (positional.size() < readout_diff::kMinSeriesReadouts || positional.size() > readout_diff::kMaxSeriesReadouts) {
      return usage_error("track takes 2 to 100 files; " + std::to_string(positional.size()) + " given");
    }
    if (format.empty()) format = "json";
    if (format != "json" && format != "markdown" && format != "csv") return usage_error("--format is json, markdown or csv");
    if (window.empty() || window.size() > 2 || window.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(window) < 1) {
      return usage_error("--window is a whole number from 1 to 99");
    }
    if (std::count(positional.begin(), positional.end(), "-") > 1) {
      return usage_error("standard input ('-') can be read for one readout only; give files for the others");
    }
    std::vector<std::string> texts(positional.size());
    for (std::size_t k = 0; k < positional.size(); ++k) {
      const std::string where = " (readout " + std::to_string(k + 1) + " of " + std::to_string(positional.size()) + ")";
      if (!read_input(positional[k], texts[k], where)) return kExitBadInput;
    }
    const auto tracked =
        readout_diff::track_series(std::vector<std::string_view>(texts.begin(), texts.end()), positional, std::stoul(window), options_json);
    // The message names the readout already ("Readout 3 of 5 (name): …").
    if (!tracked.ok()) return fail("", tracked.error().error);
    if (format == "json") return print({readout_diff::to_json(tracked.value()), "\n"}, kExitOk);
    const readout_diff::Series& series = tracked.value();
    return print({format == "markdown" ? readout_diff::series_formats::markdown(series) : readout_diff::series_formats::csv(series)},
                 kExitOk);
  }
  if (command == "eval" || command == "fit") {
    namespace evaluation = readout_diff::evaluation;
    if (positional.size() != 1) return usage_error(command + " takes the gold folder");
    if (format.empty()) format = "text";
    if (format != "text" && format != "json") return usage_error("--format is text or json");
    const std::filesystem::path gold_dir = positional[0];
    if (!std::filesystem::is_directory(gold_dir)) {
      complain(gold_dir.string() + " is not a folder");
      return kExitBadInput;
    }
    const evaluation::GoldSet gold =
        evaluation::read_gold_set(gold_dir, corpus.empty() ? gold_dir / ".." / "corpus" : std::filesystem::path(corpus));
    if (command == "fit") {
      for (const std::string& error : gold.errors) complain(error);
      if (!gold.errors.empty()) return kExitBadInput;
      std::vector<evaluation::TrainingComparison> prepared;
      for (const auto& comparison : gold.comparisons) {
        auto training = evaluation::training_comparison(comparison);
        if (!training.ok()) {
          complain(training.error().message);
          return kExitBadInput;
        }
        prepared.push_back(std::move(training).value());
      }
      std::vector<const evaluation::TrainingComparison*> all;
      for (const auto& comparison : prepared) all.push_back(&comparison);
      return print({readout_diff::link_model_json(evaluation::fit_link_model(all, options_json))}, kExitOk);
    }
    const auto plain = evaluation::evaluate(gold, options_json);
    std::optional<evaluation::Evaluation> validated;
    if (cross_validate) validated = evaluation::cross_validate(gold, options_json);
    const evaluation::Evaluation* shown = validated ? &*validated : nullptr;
    const int status = plain.errors.empty() && (!validated || validated->errors.empty()) ? kExitOk : kExitBadInput;
    if (format == "json") return print({evaluation::format_json(plain, shown).dump(2), "\n"}, status);
    return print({evaluation::format_text(plain, shown)}, status);
  }
  return usage_error("unknown command " + command);
}

}  // namespace

int main(int argc, char** argv) { return run(std::vector<std::string>(argv + 1, argv + argc)); }
