#pragma once
// Interned strings: ids are given in first-seen order, so the same inputs give the same ids.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace readout_diff {

// A vocabulary may extend a frozen base (the compiled lexicon's words): the base keeps its ids
// and new words are numbered after it.
class Vocabulary {
 public:
  explicit Vocabulary(std::shared_ptr<const Vocabulary> base = nullptr);
  std::uint32_t intern(const std::string& text);
  std::optional<std::uint32_t> find(const std::string& text) const;
  void reserve(std::size_t words);  // room for this many words of its own, without rehashing
  const std::string& text(std::uint32_t id) const {
    return id < offset_ ? base_->text(id) : texts_[id - offset_];
  }
  std::size_t size() const { return offset_ + texts_.size(); }

 private:
  std::shared_ptr<const Vocabulary> base_;
  std::uint32_t offset_ = 0;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> texts_;
};

}  // namespace readout_diff
