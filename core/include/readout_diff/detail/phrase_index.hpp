#pragma once
// Lexicon phrases as stem sequences, for leftmost-longest matching over a sentence's tokens.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "readout_diff/detail/token.hpp"

namespace readout_diff {

struct PhraseMatch {
  std::uint32_t entry = 0;  // index into the lexicon section that matched
  std::size_t first_token = 0;
  std::size_t end_token = 0;  // exclusive
};

// Flat arrays rather than a list per first stem: loading the compiled lexicon then takes a few
// allocations, not thousands.
class PhraseIndex {
 public:
  struct Phrase {
    std::uint32_t first_stem;
    std::uint32_t entry;   // index into the lexicon section
    std::uint32_t offset;  // where its stems start in the index's stem array
    std::uint32_t length;  // how many stems
  };

  void add(const std::vector<std::uint32_t>& stems, std::uint32_t entry);  // a phrase without words is ignored
  void finish();  // orders the phrases for match(); call once, after the last add()
  // Leftmost-longest, non-overlapping matches.
  std::vector<PhraseMatch> match(const std::vector<Token>& tokens) const;

  // After finish(), the order match() tries them in: by first stem, then longest first, then as added.
  const std::vector<Phrase>& phrases() const { return phrases_; }
  std::vector<std::uint32_t> stems_of(const Phrase& phrase) const;

 private:
  std::vector<std::uint32_t> stems_;
  std::vector<Phrase> phrases_;
  std::vector<std::uint32_t> by_first_stem_;  // phrases_ from [s] to [s + 1] start with stem s
};

}  // namespace readout_diff
