#pragma once
// What the embind entry points (engine_bindings.cpp, series_bindings.cpp) share.
//
// Texts arrive as UTF-16 code units (std::u16string), not through embind's own std::string
// conversion: that pairs a lone surrogate with whatever unit follows it (so "\uD800a" silently
// becomes U+10061 and the "a" disappears). The engine's utf8_from_utf16 converts them instead,
// keeping an unpaired surrogate for the core to reject at its place; well-formed text becomes
// exactly the bytes TextEncoder / Buffer.from give, so byte offsets in the report slice those.
#include <string>

#include "readout_diff/engine.hpp"

namespace readout_wasm {

// Only reachable with a broken build (the package is checked by tests/wasm); the core would
// otherwise report ICU's missing-resource failure with less of a hint.
inline std::string icu_data_error() {
  return std::string("{\"schema\":\"") + readout_diff::kReportSchema +
         "\",\"error\":{\"code\":\"internal\",\"message\":\"The engine's built-in ICU data was rejected by ICU; "
         "this build of the engine is broken.\"}}";
}

}  // namespace readout_wasm
