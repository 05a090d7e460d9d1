#pragma once
// One readout after stages 1–4: its sentences, their features and their commitments, classified
// once and read by the aligner, the accounting and the comparison alike.
#include <optional>
#include <vector>

#include "readout_diff/commitments.hpp"
#include "readout_diff/document.hpp"
#include "readout_diff/compiled_lexicon.hpp"
#include "readout_diff/features.hpp"
#include "readout_diff/vocabulary.hpp"

namespace readout_diff {

struct AnalyzedDocument {
  Document document;
  DocumentFeatures features;
  std::vector<std::optional<Commitment>> commitments;  // one per sentence
};

}  // namespace readout_diff
