#include "series_formats.hpp"

#include <sstream>

namespace readout_diff::series_formats {
namespace {

using nlohmann::json;

// A sentence or a name as Markdown text: a backslash before each character that could start
// inline markup, and before a leading "#", "+", "-" or list number, which would start a heading
// or a list. Line breaks become spaces so that a list item stays one item.
std::string md_text(const std::string& text) {
  std::string out;
  const std::size_t digits = text.find_first_not_of("0123456789");
  if (!text.empty() && (std::string_view("#+-").find(text[0]) != std::string_view::npos)) out += '\\';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool list_number = digits != std::string::npos && digits > 0 && i == digits && (c == '.' || c == ')');
    if (list_number || std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos) out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const json* occurrence_in(const json& thread, std::size_t readout) {
  for (const json& occurrence : thread["occurrences"]) {
    if (occurrence["readout"].get<std::size_t>() == readout) return &occurrence;
  }
  return nullptr;
}

std::string occurrence_text(const json& occurrence) {
  std::string text;
  for (const json& sentence : occurrence["sentences"]) text += (text.empty() ? "" : " ") + sentence["text"].get<std::string>();
  return text;
}

std::string readout_label(const json& report, std::size_t readout) {
  return "readout " + std::to_string(readout + 1) + " (" + md_text(report["readouts"][readout]["name"].get<std::string>()) + ")";
}

std::string thread_label(const json& thread) {
  return "Thread " + std::to_string(thread["id"].get<std::size_t>()) +
         (thread["commitment"].get<bool>() ? " (commitment)" : "");
}

std::string cell_status(const json& thread, std::size_t readout) {
  if (readout < thread["first"].get<std::size_t>()) return "";
  const json* occurrence = occurrence_in(thread, readout);
  if (occurrence == nullptr) return "absent";
  if ((*occurrence)["previous"].is_null()) return "first";
  if ((*occurrence)["resumed"].get<bool>()) return "resumed";
  return (*occurrence)["relation"].get<std::string>();
}

}  // namespace

std::string markdown(const json& report) {
  const json& summary = report["summary"];
  const std::size_t count = report["readouts"].size();
  const std::size_t final_readout = count - 1;
  std::ostringstream out;
  out << "# What changed across the series\n\n"
      << count << " readouts, each compared with the next " << report["window"].get<std::size_t>() << ": "
      << summary["threads"].get<std::size_t>() << " points recur (" << summary["commitment_threads"].get<std::size_t>()
      << " of them commitments, " << summary["changed_threads"].get<std::size_t>() << " changed on the way, "
      << summary["resumed_threads"].get<std::size_t>() << " dropped and resumed, "
      << summary["in_every_readout"].get<std::size_t>() << " in every readout); "
      << summary["once"].get<std::size_t>() << " points are made once.\n\n"
      << "| # | readout | language | sentences | commitments |\n|--:|---|---|--:|--:|\n";
  for (const json& readout : report["readouts"]) {
    out << "| " << readout["index"].get<std::size_t>() + 1 << " | " << md_text(readout["name"].get<std::string>()) << " | "
        << readout["language"].get<std::string>() << " | " << readout["sentences"].get<std::size_t>() << " | "
        << readout["commitments"].get<std::size_t>() << " |\n";
  }

  out << "\n## Changed wording\n\n";
  bool any = false;
  for (const json& thread : report["threads"]) {
    if (!thread["changed"].get<bool>()) continue;
    any = true;
    const json& first = thread["occurrences"][0];
    out << "- **" << thread_label(thread) << "**, first in " << readout_label(report, first["readout"].get<std::size_t>())
        << ": " << md_text(occurrence_text(first)) << "\n";
    for (const json& occurrence : thread["occurrences"]) {
      if (occurrence["previous"].is_null() || occurrence["relation"] == "repeated") continue;
      std::string changes;
      for (const json& change : occurrence["changes"]) changes += (changes.empty() ? "" : ", ") + change.get<std::string>();
      out << "  - modified in " << readout_label(report, occurrence["readout"].get<std::size_t>())
          << (changes.empty() ? std::string() : " (" + changes + ")") << ": " << md_text(occurrence_text(occurrence)) << "\n";
    }
  }
  if (!any) out << "None: every point that recurs is repeated as it was.\n";

  out << "\n## No longer mentioned\n\n";
  any = false;
  for (const json& thread : report["threads"]) {
    const std::size_t last = thread["last"].get<std::size_t>();
    if (last == final_readout) continue;
    any = true;
    out << "- **" << thread_label(thread) << "**, last seen in " << readout_label(report, last) << ": "
        << md_text(occurrence_text(thread["occurrences"].back())) << "\n";
  }
  if (!any) out << "None: every point that recurs is still in the final readout.\n";

  out << "\n## Dropped, then resumed\n\n";
  any = false;
  for (const json& thread : report["threads"]) {
    if (thread["gaps"].empty()) continue;
    any = true;
    std::string gaps;
    for (const json& gap : thread["gaps"]) gaps += (gaps.empty() ? "" : ", ") + std::to_string(gap.get<std::size_t>() + 1);
    out << "- **" << thread_label(thread) << "**, absent from readout " << gaps << ": "
        << md_text(occurrence_text(thread["occurrences"][0])) << "\n";
  }
  if (!any) out << "None.\n";

  out << "\n## New in the final readout\n\n";
  any = false;
  for (const json& point : report["once"]) {
    if (point["readout"].get<std::size_t>() != final_readout) continue;
    any = true;
    out << "- " << (point["commitment"].is_null() ? "" : "(commitment) ") << md_text(point["sentence"]["text"].get<std::string>())
        << "\n";
  }
  if (!any) out << "None.\n";
  return out.str();
}

std::string csv(const json& report) {
  std::ostringstream out;
  out << "thread,commitment,first,last,text";
  for (const json& readout : report["readouts"]) out << ',' << csv_field(readout["name"].get<std::string>());
  out << "\r\n";
  const std::size_t count = report["readouts"].size();
  for (const json& thread : report["threads"]) {
    out << thread["id"].get<std::size_t>() << ',' << (thread["commitment"].get<bool>() ? "yes" : "no") << ','
        << thread["first"].get<std::size_t>() + 1 << ',' << thread["last"].get<std::size_t>() + 1 << ','
        << csv_field(occurrence_text(thread["occurrences"][0]));
    for (std::size_t r = 0; r < count; ++r) out << ',' << cell_status(thread, r);
    out << "\r\n";
  }
  return out.str();
}

}  // namespace readout_diff::series_formats
