#pragma once
// The series as a person reads it: a Markdown "what changed across the series" summary for a story
// draft, and a CSV matrix of threads × readouts for a spreadsheet. Both are views of the same
// typed Series that the readout-diff-series/1 JSON report is written from.
#include <string>

#include "readout_diff/engine.hpp"

namespace readout_diff::series_formats {

std::string markdown(const Series& series);
// CSV: a row per recurring thread (id, commitment yes/no, first and last readout counted from 1,
// its first wording), then a column per readout: "" before the thread's first occurrence, then
// "first", "repeated", "modified", "resumed" (back after a gap) or "absent".
std::string csv(const Series& series);

}  // namespace readout_diff::series_formats
