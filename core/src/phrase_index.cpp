#include "readout_diff/detail/phrase_index.hpp"

#include <algorithm>

namespace readout_diff {

void PhraseIndex::add(const std::vector<std::uint32_t>& stems, std::uint32_t entry) {
  if (stems.empty()) return;
  phrases_.push_back(Phrase{stems.front(), entry, static_cast<std::uint32_t>(stems_.size()),
                            static_cast<std::uint32_t>(stems.size())});
  stems_.insert(stems_.end(), stems.begin(), stems.end());
}

void PhraseIndex::finish() {
  std::stable_sort(phrases_.begin(), phrases_.end(), [](const Phrase& x, const Phrase& y) {
    return x.first_stem != y.first_stem ? x.first_stem < y.first_stem : x.length > y.length;
  });
  const std::uint32_t stems = phrases_.empty() ? 0 : phrases_.back().first_stem + 1;
  by_first_stem_.assign(stems + 1, 0);
  for (const Phrase& phrase : phrases_) ++by_first_stem_[phrase.first_stem + 1];
  for (std::uint32_t stem = 0; stem < stems; ++stem) by_first_stem_[stem + 1] += by_first_stem_[stem];
}

std::vector<std::uint32_t> PhraseIndex::stems_of(const Phrase& phrase) const {
  return std::vector<std::uint32_t>(stems_.begin() + phrase.offset, stems_.begin() + phrase.offset + phrase.length);
}

std::vector<PhraseMatch> PhraseIndex::match(const std::vector<Token>& tokens) const {
  std::vector<PhraseMatch> found;
  for (std::size_t i = 0; i < tokens.size();) {
    const std::uint32_t stem = tokens[i].stem;
    const Phrase* best = nullptr;
    if (stem + std::size_t{1} < by_first_stem_.size()) {
      for (std::uint32_t p = by_first_stem_[stem]; p < by_first_stem_[stem + 1]; ++p) {
        const Phrase& phrase = phrases_[p];
        if (i + phrase.length > tokens.size()) continue;
        bool same = true;
        for (std::size_t k = 1; k < phrase.length && same; ++k) same = tokens[i + k].stem == stems_[phrase.offset + k];
        if (same) {
          best = &phrase;
          break;
        }
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    found.push_back(PhraseMatch{best->entry, i, i + best->length});
    i += best->length;
  }
  return found;
}

}  // namespace readout_diff
