#pragma once
// Stage 9, report: a Comparison (or one side's segmentation) as readout-diff/1 JSON text. A writer
// only: everything it writes is worked out by the stages before it. Internal to the core: front
// ends get the JSON from engine.hpp.
#include <optional>
#include <string>
#include <vector>

#include "readout_diff/detail/accounting.hpp"
#include "readout_diff/detail/aligner.hpp"
#include "readout_diff/detail/analyzed_document.hpp"
#include "readout_diff/detail/commitments.hpp"
#include "readout_diff/detail/comparison.hpp"
#include "readout_diff/detail/document.hpp"
#include "readout_diff/detail/compiled_lexicon.hpp"
#include "readout_diff/detail/features.hpp"
#include "json_writer.hpp"

namespace readout_diff {

// How far a reader can lean on a link, from the link model's confidence: "strong", "moderate" or
// "weak". What each band has meant on gold the model was not fitted on is in docs/engine.md
// (readout-diff eval --cross-validate).
const char* confidence_band(double confidence);

// Four decimals are all a reader needs, and they keep native and wasm output byte-identical.
double rounded(double value);

// Writers the pair and the series reports share, so the two formats cannot drift apart.
// A commitment (null if none): actor, actor_label, cue, strength and polarity, and with
// `cue_span` the cue's byte span (a pair's report has it; a series' sentences carry their own span).
void write_commitment(JsonWriter& out, const std::optional<Commitment>& commitment, bool cue_span);
// A link's id, its two sides' sentences (under `a_key` and `b_key`: "a"/"b" in a pair's report,
// "earlier"/"later" in a series'), relation, score, band, cross_language and evidence, its stems
// and concepts already as text (the caller opens the object).
void write_link_fields(JsonWriter& out, std::size_t id, const Link& link, const char* a_key, const char* b_key,
                       const std::vector<std::string>& shared_stems, const std::vector<std::string>& concepts);

std::string segmentation_report(const Segmentation& segmentation);

std::string comparison_report(const Comparison& comparison);

}  // namespace readout_diff
