#include "series_formats.hpp"

#include <sstream>

namespace readout_diff::series_formats {
namespace {

// A sentence or a name as Markdown text: a backslash before each character that could start
// inline markup, and before a leading "#", "+", "-" or list number, which would start a heading
// or a list. Line breaks become spaces so that a list item stays one item.
std::string md_text(std::string_view text) {
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

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const Occurrence* occurrence_in(const Thread& thread, std::size_t readout) {
  for (const Occurrence& occurrence : thread.occurrences) {
    if (occurrence.readout == readout) return &occurrence;
  }
  return nullptr;
}

std::string occurrence_text(const Series& series, const Occurrence& occurrence) {
  std::string text;
  for (std::size_t s : occurrence.sentences) {
    if (!text.empty()) text += ' ';
    text += series.readouts[occurrence.readout].document.sentences[s].text;
  }
  return text;
}

std::string readout_label(const Series& series, std::size_t readout) {
  return "readout " + std::to_string(readout + 1) + " (" + md_text(series.readouts[readout].name) + ")";
}

std::string thread_label(const Thread& thread) {
  return "Thread " + std::to_string(thread.id) + (thread.commitment ? " (commitment)" : "");
}

std::string cell_status(const Thread& thread, std::size_t readout) {
  if (readout < thread.occurrences.front().readout) return "";
  const Occurrence* occurrence = occurrence_in(thread, readout);
  if (occurrence == nullptr) return "absent";
  if (!occurrence->step) return "first";
  if (occurrence->step->resumed) return "resumed";
  return to_string(occurrence->step->relation);
}

}  // namespace

std::string markdown(const Series& series) {
  const SeriesSummary& summary = series.summary;
  const std::size_t count = series.readouts.size();
  const std::size_t final_readout = count - 1;
  std::ostringstream out;
  out << "# What changed across the series\n\n"
      << count << " readouts, each compared with the next " << series.window << ": " << summary.threads << " points recur ("
      << summary.commitment_threads << " of them commitments, " << summary.changed_threads << " changed on the way, "
      << summary.resumed_threads << " dropped and resumed, " << summary.in_every_readout << " in every readout); "
      << summary.once << " points are made once.\n\n"
      << "| # | readout | language | sentences | commitments |\n|--:|---|---|--:|--:|\n";
  for (std::size_t r = 0; r < count; ++r) {
    const TrackedReadout& readout = series.readouts[r];
    out << "| " << r + 1 << " | " << md_text(readout.name) << " | " << to_string(readout.language) << " | "
        << readout.document.sentences.size() << " | " << readout.commitment_count << " |\n";
  }

  out << "\n## Changed wording\n\n";
  bool any = false;
  for (const Thread& thread : series.threads) {
    if (!thread.changed) continue;
    any = true;
    const Occurrence& first = thread.occurrences.front();
    out << "- **" << thread_label(thread) << "**, first in " << readout_label(series, first.readout) << ": "
        << md_text(occurrence_text(series, first)) << "\n";
    for (const Occurrence& occurrence : thread.occurrences) {
      if (!occurrence.step || occurrence.step->relation == Relation::repeated) continue;
      std::string changes;
      for (const char* change : occurrence.step->changes) changes += (changes.empty() ? "" : ", ") + std::string(change);
      out << "  - modified in " << readout_label(series, occurrence.readout)
          << (changes.empty() ? std::string() : " (" + changes + ")") << ": " << md_text(occurrence_text(series, occurrence))
          << "\n";
    }
  }
  if (!any) out << "None: every point that recurs is repeated as it was.\n";

  out << "\n## No longer mentioned\n\n";
  any = false;
  for (const Thread& thread : series.threads) {
    const std::size_t last = thread.occurrences.back().readout;
    if (last == final_readout) continue;
    any = true;
    out << "- **" << thread_label(thread) << "**, last seen in " << readout_label(series, last) << ": "
        << md_text(occurrence_text(series, thread.occurrences.back())) << "\n";
  }
  if (!any) out << "None: every point that recurs is still in the final readout.\n";

  out << "\n## Dropped, then resumed\n\n";
  any = false;
  for (const Thread& thread : series.threads) {
    if (thread.gaps.empty()) continue;
    any = true;
    std::string gaps;
    for (std::size_t gap : thread.gaps) gaps += (gaps.empty() ? "" : ", ") + std::to_string(gap + 1);
    out << "- **" << thread_label(thread) << "**, absent from readout " << gaps << ": "
        << md_text(occurrence_text(series, thread.occurrences.front())) << "\n";
  }
  if (!any) out << "None.\n";

  out << "\n## New in the final readout\n\n";
  any = false;
  for (const OncePoint& point : series.once) {
    if (point.readout != final_readout) continue;
    any = true;
    out << "- " << (point.commitment ? "(commitment) " : "")
        << md_text(series.readouts[point.readout].document.sentences[point.sentence].text) << "\n";
  }
  if (!any) out << "None.\n";
  return out.str();
}

std::string csv(const Series& series) {
  std::ostringstream out;
  out << "thread,commitment,first,last,text";
  for (const TrackedReadout& readout : series.readouts) out << ',' << csv_field(readout.name);
  out << "\r\n";
  for (const Thread& thread : series.threads) {
    out << thread.id << ',' << (thread.commitment ? "yes" : "no") << ',' << thread.occurrences.front().readout + 1 << ','
        << thread.occurrences.back().readout + 1 << ',' << csv_field(occurrence_text(series, thread.occurrences.front()));
    for (std::size_t r = 0; r < series.readouts.size(); ++r) out << ',' << cell_status(thread, r);
    out << "\r\n";
  }
  return out.str();
}

}  // namespace readout_diff::series_formats
