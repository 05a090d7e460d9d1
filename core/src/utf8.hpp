#pragma once
// Minimal UTF-8 helpers for text that check_text_input has already validated, and the two
// character classes every stage shares (white space, line ends), from ICU's character properties.
#include <cstddef>
#include <string>
#include <string_view>

#include <unicode/uchar.h>

namespace readout_diff::utf8 {

// Decodes the code point at `i` and advances `i` past it. Input must be valid UTF-8.
inline char32_t next(std::string_view s, std::size_t& i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = b(i);
  if (lead < 0x80) { i += 1; return lead; }
  if (lead < 0xE0) { const char32_t c = ((lead & 0x1Fu) << 6) | (b(i + 1) & 0x3Fu); i += 2; return c; }
  if (lead < 0xF0) {
    const char32_t c = ((lead & 0x0Fu) << 12) | ((b(i + 1) & 0x3Fu) << 6) | (b(i + 2) & 0x3Fu);
    i += 3;
    return c;
  }
  const char32_t c = ((lead & 0x07u) << 18) | ((b(i + 1) & 0x3Fu) << 12) | ((b(i + 2) & 0x3Fu) << 6) | (b(i + 3) & 0x3Fu);
  i += 4;
  return c;
}

inline void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

inline bool is_devanagari(char32_t c) { return c >= 0x0900 && c <= 0x097F; }

// White space as a reader sees it: Unicode's White_Space (ASCII space and the controls tab to CR,
// NEL, NBSP, the U+2000 spaces, the line and paragraph separators U+2028 and U+2029, ideographic
// space), and the two invisible characters editors leave between words, U+200B and U+FEFF.
inline bool is_space(char32_t c) {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0xFEFF;
}

// Ends a line, as UAX #14 says (mandatory breaks: LF, CR, NEL, U+2028, U+2029, FF and VT). CR LF
// is one line end: the caller skips the CR before an LF.
inline bool is_line_end(char32_t c) {
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK)) {
    case U_LB_MANDATORY_BREAK:
    case U_LB_CARRIAGE_RETURN:
    case U_LB_LINE_FEED:
    case U_LB_NEXT_LINE: return true;
    default: return false;
  }
}

}  // namespace readout_diff::utf8
