#pragma once
// What the embind entry points (engine_bindings.cpp, series_bindings.cpp) share: text from
// JavaScript to UTF-8, and the answer when the built-in ICU data is broken.
#include <string>

#include "readout_diff/engine.hpp"

namespace readout_wasm {

// JavaScript strings are UTF-16 and may hold unpaired surrogates. Embind's own std::string
// conversion pairs a lone surrogate with whatever unit follows it (so "\uD800a" silently becomes
// U+10061 and the "a" disappears). The texts therefore arrive as UTF-16 code units and are
// converted here: well-formed text becomes exactly the bytes TextEncoder / Buffer.from give (so
// byte offsets in the report slice those), and an unpaired surrogate is written as its own
// three-byte form (ED A0..BF xx), which the core rejects as invalid UTF-8 at that exact byte,
// line and column instead of comparing altered text.
inline std::string to_utf8(const std::u16string& text) {
  const auto is_high = [](char32_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; };
  const auto is_low = [](char32_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; };
  std::size_t length = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t unit = text[i];
    if (unit < 0x80) {
      length += 1;
    } else if (unit < 0x800) {
      length += 2;
    } else if (is_high(unit) && i + 1 < text.size() && is_low(text[i + 1])) {
      length += 4;
      ++i;
    } else {
      length += 3;
    }
  }
  std::string bytes;
  bytes.reserve(length);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t code = text[i];
    if (is_high(code) && i + 1 < text.size() && is_low(text[i + 1])) {
      code = 0x10000 + ((code - 0xD800) << 10) + (static_cast<char32_t>(text[i + 1]) - 0xDC00);
      ++i;
    }
    if (code < 0x80) {
      bytes.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      bytes.push_back(static_cast<char>(0xC0 | (code >> 6)));
      bytes.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      bytes.push_back(static_cast<char>(0xE0 | (code >> 12)));
      bytes.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      bytes.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      bytes.push_back(static_cast<char>(0xF0 | (code >> 18)));
      bytes.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      bytes.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      bytes.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }
  return bytes;
}

// Only reachable with a broken build (the package is checked by tests/wasm); the core would
// otherwise report ICU's missing-resource failure with less of a hint.
inline std::string icu_data_error() {
  return std::string("{\"schema\":\"") + readout_diff::kReportSchema +
         "\",\"error\":{\"code\":\"internal\",\"message\":\"The engine's built-in ICU data was rejected by ICU; "
         "this build of the engine is broken.\"}}";
}

}  // namespace readout_wasm
