#pragma once
// A word of a document as the stages see it: its span, its normalised form and stem (as
// Vocabulary ids) and what kind of word it is.
#include <cstddef>
#include <cstdint>

namespace readout_diff {

enum class Script { latin, devanagari, other };

struct Token {
  std::size_t start = 0;  // byte span in the document
  std::size_t end = 0;
  std::uint32_t word = 0;  // normalised form, in the Vocabulary
  std::uint32_t stem = 0;  // Snowball stem of the normalised form, in the Vocabulary
  bool stopword = false;
  bool number = false;
  Script script = Script::other;
};

}  // namespace readout_diff
