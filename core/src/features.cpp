#include "readout_diff/detail/features.hpp"

namespace readout_diff {

const char* to_string(Language language) {
  switch (language) {
    case Language::en: return "en";
    case Language::hi: return "hi";
    case Language::mixed: return "mixed";
  }
  return "mixed";
}

}  // namespace readout_diff
