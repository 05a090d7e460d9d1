// The WebAssembly engine's JavaScript API (embind), a thin layer over core/include/readout_diff/engine.hpp:
//   compare(a: string, b: string, optionsJson: string) -> string   readout-diff/1 report or error JSON
//   segment(text: string, optionsJson: string) -> string           sentences or error JSON
//   track(texts: string[], names: string[], window: number, optionsJson: string) -> string
//                                  readout-diff-series/1 report or error JSON (see readout_diff/series.hpp)
//   version() -> string                                             as `readout-diff --version` prints it
//   prepare() -> undefined        the once-per-process set-up now rather than in the first compare()
// The core never throws (and C++ exceptions are disabled in this build), so nothing but JSON text
// comes back. Passing a non-string is a JavaScript programming error: embind throws a BindingError
// before any C++ runs.
#include <emscripten/bind.h>

#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "icu_data.hpp"
#include "readout_diff/engine.hpp"
#include "readout_diff/series.hpp"

namespace {

// JavaScript strings are UTF-16 and may hold unpaired surrogates. Embind's own std::string
// conversion pairs a lone surrogate with whatever unit follows it (so "\uD800a" silently becomes
// U+10061 and the "a" disappears). The texts therefore arrive as UTF-16 code units and are
// converted here: well-formed text becomes exactly the bytes TextEncoder / Buffer.from give (so
// byte offsets in the report slice those), and an unpaired surrogate is written as its own
// three-byte form (ED A0..BF xx), which the core rejects as invalid UTF-8 at that exact byte,
// line and column instead of comparing altered text.
std::string to_utf8(const std::u16string& text) {
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
std::string icu_data_error() {
  return std::string("{\"schema\":\"") + readout_diff::kReportSchema +
         "\",\"error\":{\"code\":\"internal\",\"message\":\"The engine's built-in ICU data was rejected by ICU; "
         "this build of the engine is broken.\"}}";
}

std::string compare(const std::u16string& a, const std::u16string& b, const std::u16string& options_json) {
  if (!readout_register_icu_data()) return icu_data_error();
  return readout_diff::compare_json(to_utf8(a), to_utf8(b), to_utf8(options_json));
}

std::string segment(const std::u16string& text, const std::u16string& options_json) {
  if (!readout_register_icu_data()) return icu_data_error();
  return readout_diff::segment_json(to_utf8(text), to_utf8(options_json));
}

// The arrays come as JavaScript values: anything but an array of strings is answered with the
// series' bad_series error rather than a BindingError, so a page passing a FileList by mistake
// gets a message, and so is a window that is not a whole number from 1 to 99.
std::string series_usage_error(const std::string& message) {
  return std::string("{\"error\":{\"code\":\"bad_series\",\"message\":\"") + message + "\"},\"schema\":\"" +
         readout_diff::kSeriesSchema + "\"}";
}

bool strings_of(const emscripten::val& array, std::vector<std::string>& out) {
  if (!array.isArray()) return false;
  const auto length = array["length"].as<std::size_t>();
  for (std::size_t k = 0; k < length; ++k) {
    const emscripten::val item = array[k];
    if (!item.isString()) return false;
    out.push_back(to_utf8(item.as<std::u16string>()));
  }
  return true;
}

std::string track(const emscripten::val& texts, const emscripten::val& names, double window, const std::u16string& options_json) {
  if (!readout_register_icu_data()) return icu_data_error();
  std::vector<std::string> text_bytes, name_bytes;
  if (!strings_of(texts, text_bytes)) return series_usage_error("The texts must be an array of strings.");
  if (!strings_of(names, name_bytes)) return series_usage_error("The names must be an array of strings.");
  // Checked before the cast: a NaN or out-of-range double cast to an integer is undefined.
  if (!(window >= 1 && window < static_cast<double>(readout_diff::kMaxSeriesReadouts)) || window != std::floor(window)) {
    return series_usage_error("The window must be a whole number from 1 to 99.");
  }
  const std::vector<std::string_view> views(text_bytes.begin(), text_bytes.end());
  return readout_diff::track(views, name_bytes, static_cast<std::size_t>(window), to_utf8(options_json)).json;
}

void prepare() {
  if (readout_register_icu_data()) readout_diff::prepare();
}

std::string version() {
  return std::string("readout-diff ") + READOUT_DIFF_VERSION + " (report schema " + readout_diff::kReportSchema + ")";
}

}  // namespace

EMSCRIPTEN_BINDINGS(readout_diff_engine) {
  emscripten::function("compare", &compare);
  emscripten::function("segment", &segment);
  emscripten::function("track", &track);
  emscripten::function("version", &version);
  emscripten::function("prepare", &prepare);
}
