#pragma once
// Stage 2, segment: the Segmenter cuts a checked text into a Document (document.hpp).
#include <memory>

#include "readout_diff/detail/document.hpp"
#include "readout_diff/result.hpp"
#include "readout_diff/detail/text_input.hpp"

namespace readout_diff {

// Holds ICU's sentence iterator: the readout rules in core/data/sentence-rules.txt, filtered with
// the abbreviations in core/data/abbreviations.txt. Creating one costs a little; reuse it.
class Segmenter {
 public:
  static Result<std::unique_ptr<Segmenter>> create();
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
