#include "readout_diff/detail/word_diff.hpp"

#include <dtl/dtl.hpp>

namespace readout_diff {

const char* to_string(DiffOp op) {
  switch (op) {
    case DiffOp::equal: return "equal";
    case DiffOp::remove: return "delete";
    case DiffOp::insert: return "insert";
  }
  return "equal";
}

void WordSequence::add_sentence(const std::vector<Token>& tokens) {
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    tokens_.push_back(tokens[k]);
    starts_sentence_.push_back(k == 0);
  }
}

namespace {

// Text from the first to the last token of a run, as written (inner spaces and punctuation kept).
std::string span_text(const WordSequence& side, std::size_t first, std::size_t last) {
  const std::size_t start = side.tokens()[first].start, end = side.tokens()[last].end;
  return std::string(side.document().substr(start, end - start));
}

}  // namespace

std::vector<DiffRun> diff_words(const WordSequence& a, const WordSequence& b) {
  std::vector<std::uint32_t> words_a, words_b;
  for (const Token& t : a.tokens()) words_a.push_back(t.word);
  for (const Token& t : b.tokens()) words_b.push_back(t.word);
  dtl::Diff<std::uint32_t> diff(words_a, words_b);
  diff.compose();

  std::vector<DiffRun> runs;
  DiffOp current = DiffOp::equal;
  std::size_t first = 0, last = 0;
  bool open = false;
  const auto close = [&] {
    if (!open) return;
    runs.push_back(DiffRun{current, span_text(current == DiffOp::insert ? b : a, first, last)});
    open = false;
  };
  for (const auto& [word, info] : diff.getSes().getSequence()) {
    (void)word;
    const DiffOp op = info.type == dtl::SES_ADD ? DiffOp::insert : info.type == dtl::SES_DELETE ? DiffOp::remove : DiffOp::equal;
    // dtl's indices are 1-based positions in the sequence the element comes from.
    const std::size_t index = static_cast<std::size_t>((op == DiffOp::insert ? info.afterIdx : info.beforeIdx) - 1);
    const WordSequence& side = op == DiffOp::insert ? b : a;
    if (open && op == current && index == last + 1 && !side.starts_sentence(index)) {
      last = index;
      continue;
    }
    close();
    current = op;
    first = last = index;
    open = true;
  }
  close();
  return runs;
}

}  // namespace readout_diff
