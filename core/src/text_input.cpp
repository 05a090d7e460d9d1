#include "readout_diff/detail/text_input.hpp"

#include <string>

#include "utf8.hpp"

namespace readout_diff {
namespace {

bool is_allowed_control(unsigned char c) { return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

Error error_at(std::string_view bytes, std::size_t offset, std::string code, const std::string& what) {
  const TextPosition where = position_of(bytes, offset);
  return Error{std::move(code),
               what + " at byte " + std::to_string(offset) + " (line " + std::to_string(where.line) +
                   ", column " + std::to_string(where.column) + ")",
               offset};
}

std::string hex_byte(unsigned char c) {
  static const char digits[] = "0123456789ABCDEF";
  return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

}  // namespace

TextPosition position_of(std::string_view bytes, std::size_t byte_offset) {
  TextPosition where;
  // A byte order mark is not a character anyone sees, so it takes no column.
  const std::size_t first = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (std::size_t i = first; i < byte_offset && i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n') {
      ++where.line;
      where.column = 1;
    } else if (!utf8::is_continuation(bytes[i])) {  // count code points, not continuation bytes
      ++where.column;
    }
  }
  return where;
}

Result<TextInput> check_text_input(std::string_view bytes, std::size_t max_bytes) {
  if (bytes.size() > max_bytes) {
    // The message does not give the text's size: a front end may stop reading at the limit + 1
    // byte (the CLI does), and then the size is not known.
    constexpr std::size_t kMiB = 1024 * 1024;
    const std::string in_mib = max_bytes % kMiB == 0 ? " (" + std::to_string(max_bytes / kMiB) + " MiB)" : "";
    return Error{"too_large",
                 "The text is longer than the limit of " + std::to_string(max_bytes) + " bytes" + in_mib +
                     ". Split it or compare a shorter excerpt.",
                 max_bytes};
  }
  TextInput input{bytes, 0};
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") input.content_start = 3;

  // Control bytes first: a binary file (PNG, PDF, ZIP) is better named as such than by the
  // first byte that happens not to be UTF-8.
  for (std::size_t i = input.content_start; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      return error_at(bytes, i, "binary", "The text contains a NUL byte, so it looks like a binary file, not text,");
    }
    if (c < 0x20 && !is_allowed_control(c)) {
      return error_at(bytes, i, "binary",
                      "The text contains the control character " + hex_byte(c) +
                          ", so it looks like a binary file, not text,");
    }
  }
  bool has_content = false;
  for (std::size_t i = input.content_start; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    const std::size_t length = utf8::valid_sequence_length(bytes, i);
    if (length == 0) {
      const bool surrogate = c == 0xED && i + 1 < bytes.size() && static_cast<unsigned char>(bytes[i + 1]) >= 0xA0;
      return error_at(bytes, i, "invalid_utf8",
                      surrogate ? std::string("The text is not valid UTF-8: it holds an unpaired surrogate (U+D800 to U+DFFF)")
                                : "The text is not valid UTF-8: unexpected byte " + hex_byte(c));
    }
    if (!utf8::is_space(utf8::next(bytes, i))) has_content = true;
  }
  if (!has_content) {
    return Error{"empty", bytes.empty() ? "The text is empty." : "The text contains only white space.", std::nullopt};
  }
  return input;
}

}  // namespace readout_diff
