#pragma once
// The engine's one UTF-8 codec: the strict check check_text_input makes, decoding text it has
// accepted, encoding (also from UTF-16, for the wasm front end), and the two character classes
// every stage shares (white space, line ends), from ICU's character properties.
#include <cstddef>
#include <string>
#include <string_view>

#include <unicode/uchar.h>

namespace readout_diff::utf8 {

// Length of the well-formed UTF-8 sequence starting at `i`, or 0 when it is ill-formed
// (Unicode 15, table 3-7: this rejects overlong forms, surrogates and values past U+10FFFF).
inline std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  if (byte(i + 1) < second_min || byte(i + 1) > second_max) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

// A byte that continues a sequence rather than starting one (counting or stepping by code point).
inline bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

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

// UTF-16 code units to UTF-8. JavaScript strings may hold unpaired surrogates: each is written as
// its own three-byte form (ED A0..BF xx), which check_text_input then rejects as invalid UTF-8 at
// that exact byte, instead of comparing altered text. Well-formed text gives exactly the bytes
// TextEncoder gives.
inline std::string from_utf16(std::u16string_view text) {
  const auto is_high = [](char32_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; };
  const auto is_low = [](char32_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; };
  std::string bytes;
  bytes.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t code = text[i];
    if (is_high(code) && i + 1 < text.size() && is_low(text[i + 1])) {
      code = 0x10000 + ((code - 0xD800) << 10) + (static_cast<char32_t>(text[i + 1]) - 0xDC00);
      ++i;
    }
    append(bytes, code);
  }
  return bytes;
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
