#pragma once
// Stage 7, explain: a word-level diff (dtl) inside a linked pair, over normalised words, shown
// with the words as written.
#include <string>
#include <vector>

#include "readout_diff/detail/document.hpp"
#include "readout_diff/detail/token.hpp"

namespace readout_diff {

enum class DiffOp { equal, remove, insert };
const char* to_string(DiffOp op);  // "equal", "delete", "insert"

struct DiffRun {
  DiffOp op = DiffOp::equal;
  std::string text;  // from A for equal and delete runs, from B for insert runs
};

// Sides longer than this many words are not diffed (dtl's cost grows with length × edits);
// the report then says the diff was omitted.
inline constexpr std::size_t kMaxDiffWords = 4000;

// The words of several sentences of one document, in order: a link's side. A run of the diff
// never crosses from one sentence to the next, so it never quotes text between them.
class WordSequence {
 public:
  explicit WordSequence(std::string_view document) : document_(document) {}
  void add_sentence(const std::vector<Token>& tokens);  // tokens of `document`, in text order

  std::string_view document() const { return document_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  bool starts_sentence(std::size_t token) const { return starts_sentence_[token]; }

 private:
  std::string_view document_;
  std::vector<Token> tokens_;
  std::vector<bool> starts_sentence_;  // parallel to tokens_
};

std::vector<DiffRun> diff_words(const WordSequence& a, const WordSequence& b);

}  // namespace readout_diff
