// The series entry point of the WebAssembly engine (embind), beside engine_bindings.cpp:
//   track(texts: string[], names: string[], window: number, optionsJson: string) -> string
//                                  readout-diff-series/1 report or error JSON (readout_diff/engine.hpp)
// A file of its own so that it can be compiled for size (wasm/CMakeLists.txt): it is not where a
// series spends its time.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "icu_data.hpp"
#include "readout_diff/engine.hpp"
#include "bindings_support.hpp"

namespace {

using readout_diff::utf8_from_utf16;

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
    out.push_back(utf8_from_utf16(item.as<std::u16string>()));
  }
  return true;
}

std::string track(const emscripten::val& texts, const emscripten::val& names, double window, const std::u16string& options_json) {
  if (!readout_register_icu_data()) return readout_wasm::icu_data_error();
  std::vector<std::string> text_bytes, name_bytes;
  if (!strings_of(texts, text_bytes)) return series_usage_error("The texts must be an array of strings.");
  if (!strings_of(names, name_bytes)) return series_usage_error("The names must be an array of strings.");
  // Checked before the cast: a NaN or out-of-range double cast to an integer is undefined.
  if (!(window >= 1 && window < static_cast<double>(readout_diff::kMaxSeriesReadouts)) || window != std::floor(window)) {
    return series_usage_error("The window must be a whole number from 1 to 99.");
  }
  const std::vector<std::string_view> views(text_bytes.begin(), text_bytes.end());
  return readout_diff::track(views, name_bytes, static_cast<std::size_t>(window), utf8_from_utf16(options_json)).json;
}

}  // namespace

EMSCRIPTEN_BINDINGS(readout_diff_series) {
  emscripten::function("track", &track);
}
