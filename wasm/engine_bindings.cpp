// The WebAssembly engine's JavaScript API (embind), a thin layer over core/include/readout_diff/engine.hpp:
//   compare(a: string, b: string, optionsJson: string) -> string   readout-diff/1 report or error JSON
//   segment(text: string, optionsJson: string) -> string           sentences or error JSON
//   track(texts, names, window, optionsJson) -> string             a series: see series_bindings.cpp
//   version() -> string                                             as `readout-diff --version` prints it
//   prepare() -> undefined        the once-per-process set-up now rather than in the first compare()
// The core never throws (and C++ exceptions are disabled in this build), so nothing but JSON text
// comes back. Passing a non-string is a JavaScript programming error: embind throws a BindingError
// before any C++ runs.
#include <emscripten/bind.h>

#include <string>

#include "icu_data.hpp"
#include "readout_diff/engine.hpp"
#include "bindings_support.hpp"

namespace {

using readout_diff::utf8_from_utf16;

std::string compare(const std::u16string& a, const std::u16string& b, const std::u16string& options_json) {
  if (!readout_register_icu_data()) return readout_wasm::icu_data_error();
  return readout_diff::compare_json(utf8_from_utf16(a), utf8_from_utf16(b), utf8_from_utf16(options_json));
}

std::string segment(const std::u16string& text, const std::u16string& options_json) {
  if (!readout_register_icu_data()) return readout_wasm::icu_data_error();
  return readout_diff::segment_json(utf8_from_utf16(text), utf8_from_utf16(options_json));
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
  emscripten::function("version", &version);
  emscripten::function("prepare", &prepare);
}
