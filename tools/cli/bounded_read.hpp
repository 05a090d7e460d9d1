#pragma once
// Reading what a user names (a readout, a gold file, a corpus file it names) without bound is a
// way to run out of memory: /dev/zero, or a 2 GiB file named by mistake. Every CLI read stops a
// byte past what the caller accepts, so an oversized input is refused without being read whole.
#include <cstddef>
#include <filesystem>
#include <istream>
#include <string>

namespace readout_diff::cli {

// Reads `in` in blocks into `text`, at most `most` bytes; false on a read error.
bool read_bounded(std::istream& in, std::string& text, std::size_t most);

// Reads the file at `path`, at most `most` bytes; false if it cannot be opened or read.
bool read_file_bounded(const std::filesystem::path& path, std::string& text, std::size_t most);

// A file the CLI finds by name (a gold file, a corpus file a gold file names), which must be a
// regular file of at most `limit` bytes: read, or why not (a byte past `limit` is read to tell).
enum class FileRead { ok, not_a_file, unreadable, too_large };
FileRead read_regular_file(const std::filesystem::path& path, std::string& text, std::size_t limit);

}  // namespace readout_diff::cli
