#include "readout_diff/detail/dictionary.hpp"

#include <cstdint>
#include <optional>

namespace readout_diff {
namespace {

// dictd numbers are base64 digits, most significant first.
std::optional<std::uint64_t> base64_number(std::string_view digits) {
  constexpr std::string_view kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : digits) {
    const std::size_t digit = kDigits.find(c);
    if (digit == std::string_view::npos) return std::nullopt;
    value = value * 64 + digit;
  }
  return value;
}

bool is_word(std::string_view headword) {
  if (headword.empty()) return false;
  for (char c : headword) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

// An entry is "headword /pronunciation/ <POS>", then senses "1. सहमत~होना" each followed by
// an indented example sentence. Words of a sense are joined by "~".
void add_senses(std::string_view headword, std::string_view entry, std::vector<Translation>& out) {
  std::size_t line_start = 0;
  while (line_start < entry.size()) {
    std::size_t line_end = entry.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = entry.size();
    const std::string_view line = entry.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits == 0 || line.substr(digits, 2) != ". ") continue;
    std::string hindi(line.substr(digits + 2));
    for (char& c : hindi) {
      if (c == '~') c = ' ';
    }
    out.push_back(Translation{std::string(headword), std::move(hindi)});
  }
}

}  // namespace

Result<std::vector<Translation>> parse_dictd(std::string_view index, std::string_view entries) {
  std::vector<Translation> translations;
  std::size_t line_start = 0, line_number = 0;
  while (line_start < index.size()) {
    std::size_t line_end = index.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = index.size();
    const std::string_view line = index.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    ++line_number;
    if (line.empty()) continue;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    const auto offset = tab2 == std::string_view::npos ? std::nullopt : base64_number(line.substr(tab1 + 1, tab2 - tab1 - 1));
    const auto length = tab2 == std::string_view::npos ? std::nullopt : base64_number(line.substr(tab2 + 1));
    if (!offset || !length || *offset > entries.size() || *length > entries.size() - *offset) {
      return Error{"bad_dictionary", "Dictionary index line " + std::to_string(line_number) + ": not headword, offset, length within the entries",
                   std::nullopt};
    }
    const std::string_view headword = line.substr(0, tab1);
    // Multi-word headwords ("a la carte") and the database's own "00-database-…" entries are left out.
    // Both are within entries.size() (checked above), so they fit a size_t on a 32-bit target (wasm).
    if (is_word(headword)) {
      add_senses(headword, entries.substr(static_cast<std::size_t>(*offset), static_cast<std::size_t>(*length)), translations);
    }
  }
  return translations;
}

}  // namespace readout_diff
