#pragma once
// Stage 6, report: everything the engine found, as readout-diff/1 JSON. Internal to the core:
// front ends get the JSON text from engine.hpp.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "readout_diff/aligner.hpp"
#include "readout_diff/commitments.hpp"
#include "readout_diff/document.hpp"
#include "readout_diff/features.hpp"

namespace readout_diff {

struct AnalyzedDocument {
  Document document;
  DocumentFeatures features;
  std::vector<std::optional<Commitment>> commitments;  // one per sentence
};

nlohmann::json sentences_json(const AnalyzedDocument& side, const Lexicon& lexicon);

nlohmann::json comparison_report(const AnalyzedDocument& a, const AnalyzedDocument& b, const std::vector<Link>& links,
                                 const Vocabulary& vocabulary, const Lexicon& lexicon);

}  // namespace readout_diff
