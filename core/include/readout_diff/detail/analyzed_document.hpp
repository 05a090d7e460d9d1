#pragma once
// One readout after stages 1–4: its sentences, their features and their commitments, classified
// once and read by the aligner, the accounting and the comparison alike.
#include <optional>
#include <vector>

#include "readout_diff/detail/commitments.hpp"
#include "readout_diff/detail/document.hpp"
#include "readout_diff/detail/compiled_lexicon.hpp"
#include "readout_diff/detail/features.hpp"
#include "readout_diff/detail/vocabulary.hpp"

namespace readout_diff {

struct AnalyzedDocument {
  Document document;
  DocumentFeatures features;
  std::vector<std::optional<Commitment>> commitments;  // one per sentence
};

}  // namespace readout_diff
