#include "readout_diff/detail/vocabulary.hpp"

namespace readout_diff {

Vocabulary::Vocabulary(std::shared_ptr<const Vocabulary> base)
    : base_(std::move(base)), offset_(base_ ? static_cast<std::uint32_t>(base_->size()) : 0) {}

std::optional<std::uint32_t> Vocabulary::find(const std::string& text) const {
  if (base_) {
    if (auto id = base_->find(text)) return id;
  }
  const auto it = ids_.find(text);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

void Vocabulary::reserve(std::size_t words) {
  ids_.reserve(words);
  texts_.reserve(words);
}

std::uint32_t Vocabulary::intern(const std::string& text) {
  if (base_) {
    if (auto id = base_->find(text)) return *id;
  }
  const auto [it, inserted] = ids_.try_emplace(text, offset_ + static_cast<std::uint32_t>(texts_.size()));
  if (inserted) texts_.push_back(text);
  return it->second;
}

}  // namespace readout_diff
