#pragma once
// Stage 6, report: everything the engine found, as readout-diff/1 JSON text. Internal to the
// core: front ends get the JSON from engine.hpp.
#include <optional>
#include <string>
#include <vector>

#include "readout_diff/accounting.hpp"
#include "readout_diff/aligner.hpp"
#include "readout_diff/analyzed_document.hpp"
#include "readout_diff/commitments.hpp"
#include "readout_diff/document.hpp"
#include "readout_diff/features.hpp"

namespace readout_diff {

std::string segmentation_report(const AnalyzedDocument& side, const CompiledLexicon& lexicon);

std::string comparison_report(const AnalyzedDocument& a, const AnalyzedDocument& b, const Alignment& alignment,
                              const std::vector<CommitmentFate>& fates, const Vocabulary& vocabulary,
                              const CompiledLexicon& lexicon);

}  // namespace readout_diff
