#pragma once
// Stage 2, segment: a readout cut into paragraphs (its non-blank lines) and sentences, each with
// its exact byte span in the input as given.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "readout_diff/result.hpp"
#include "readout_diff/text_input.hpp"

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

// Holds ICU's sentence iterator: the readout rules in core/data/sentence-rules.txt, filtered with
// the abbreviations in core/data/abbreviations.txt. Creating one costs a little; reuse it.
class Segmenter {
 public:
  static Result<std::shared_ptr<Segmenter>> create();
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // `input` must come from check_text_input. Not thread-safe: one Segmenter per thread.
  Result<Document> segment(const TextInput& input);

 private:
  struct Icu;
  explicit Segmenter(std::unique_ptr<Icu> icu);
  std::unique_ptr<Icu> icu_;
};

}  // namespace readout_diff
