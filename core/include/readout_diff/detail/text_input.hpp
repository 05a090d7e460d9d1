#pragma once
// Stage 1, ingest: checks that the bytes a user gave are a readout we can work on, and says
// precisely what is wrong and where when they are not.
#include <cstddef>
#include <string_view>

#include "readout_diff/result.hpp"

namespace readout_diff {

// The largest document accepted, in bytes, and the most sentences it may hold. Large enough for a
// 50,000-sentence readout; the sentence cap keeps a document of many tiny sentences (16 MiB of
// "A b c." is three million of them) from exhausting a browser tab's memory. Documented in README.md.
inline constexpr std::size_t kMaxInputBytes = 16u * 1024u * 1024u;
inline constexpr std::size_t kMaxSentences = 100000;

struct TextInput {
  std::string_view bytes;        // the input exactly as given
  std::size_t content_start = 0;  // after a UTF-8 byte order mark, if any
};

// Accepts strict UTF-8 (no overlong forms, no encoded surrogates, nothing above U+10FFFF), with
// an optional leading BOM and LF or CRLF line ends. Rejects, with a message naming the place:
// empty or whitespace-only text, NUL bytes and other control characters that mark binary files,
// invalid UTF-8, and input over `max_bytes`.
Result<TextInput> check_text_input(std::string_view bytes, std::size_t max_bytes = kMaxInputBytes);

// 1-based line and column (in code points) of a byte offset, for messages.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
TextPosition position_of(std::string_view bytes, std::size_t byte_offset);

}  // namespace readout_diff
