#pragma once
// The readout-diff-series/1 report as a person reads it: a Markdown "what changed across the
// series" summary for a story draft, and a CSV matrix of threads × readouts for a spreadsheet.
// Both are views of the JSON report, which stays the one source of truth.
#include <string>

#include <nlohmann/json.hpp>

namespace readout_diff::series_formats {

// CSV: a row per recurring thread (id, commitment yes/no, first and last readout counted from 1,
// its first wording), then a column per readout: "" before the thread's first occurrence, then
// "first", "repeated", "modified", "resumed" (back after a gap) or "absent".
std::string markdown(const nlohmann::json& report);
std::string csv(const nlohmann::json& report);

}  // namespace readout_diff::series_formats
