#include "bounded_read.hpp"

#include <algorithm>
#include <fstream>

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

}  // namespace readout_diff::cli
