#pragma once
// The entries of a word list in core/data that the build embeds (cmake/EmbedData.cmake): one per
// line, exactly as written; blank lines and lines starting with '#' are left out.
#include <cstddef>
#include <string_view>
#include <vector>

namespace readout_diff {

inline std::vector<std::string_view> word_list(const unsigned char* data, std::size_t size) {
  std::vector<std::string_view> entries;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    const std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    if (!line.empty() && line.front() != '#') entries.push_back(line);
  }
  return entries;
}

}  // namespace readout_diff
