#pragma once
// What stage 2 (segmenter.hpp) makes of a readout: a readout cut into paragraphs (its non-blank lines) and sentences, each with
// its exact byte span in the input as given.
#include <cstddef>
#include <string_view>
#include <vector>


namespace readout_diff {

enum class SentenceKind { title, dateline, body, signoff };
const char* to_string(SentenceKind kind);

struct Sentence {
  std::size_t start = 0;  // byte offset in the input, inclusive
  std::size_t end = 0;    // byte offset in the input, exclusive
  std::size_t paragraph = 0;
  SentenceKind kind = SentenceKind::body;
  std::string_view text;  // view into the document's bytes
};

struct Document {
  std::string_view bytes;
  std::vector<Sentence> sentences;
};

}  // namespace readout_diff
