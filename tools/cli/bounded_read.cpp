#include "bounded_read.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>

namespace readout_diff::cli {

// In blocks: read a character at a time, a 4 MB readout cost 171 M instructions.
bool read_bounded(std::istream& in, std::string& text, std::size_t most) {
  text.clear();
  char block[1 << 16];
  while (text.size() < most) {
    const std::size_t wanted = std::min(sizeof block, most - text.size());
    in.read(block, static_cast<std::streamsize>(wanted));
    text.append(block, static_cast<std::size_t>(in.gcount()));
    if (!in) break;
  }
  return !in.bad();
}

bool read_file_bounded(const std::filesystem::path& path, std::string& text, std::size_t most) {
  std::ifstream in(path, std::ios::binary);
  return in && read_bounded(in, text, most);
}

FileRead read_regular_file(const std::filesystem::path& path, std::string& text, std::size_t limit) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return FileRead::not_a_file;
  if (!read_file_bounded(path, text, limit + 1)) return FileRead::unreadable;
  return text.size() > limit ? FileRead::too_large : FileRead::ok;
}

}  // namespace readout_diff::cli
