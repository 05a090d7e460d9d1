#pragma once
// Track: everything the engine found about a series of readouts, typed — what track_series()
// gives and to_json() writes as readout-diff-series/1 (docs/series.md has the rules). series.cpp
// works it out; series_report.cpp only writes it. Its sentences' texts are views into the texts
// tracked, which must outlive it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "readout_diff/detail/aligner.hpp"
#include "readout_diff/detail/commitments.hpp"
#include "readout_diff/detail/document.hpp"

namespace readout_diff {

// A readout of the series: its sentences and their commitments (features are per comparison and
// are dropped with it, so memory for them is bounded by one pair, not by the series).
struct TrackedReadout {
  std::string name;
  Language language = Language::en;
  Document document;
  std::vector<std::optional<Commitment>> commitments;  // one per sentence
  std::size_t commitment_count = 0;
};

// A link of one pair, with its evidence as text: the pair's vocabulary does not outlive the pair.
struct SeriesLink {
  Link link;  // a: the earlier readout's sentences, b: the later one's
  std::vector<std::string> shared_stems;  // link.evidence.shared_stems, as text
  std::vector<std::string> concepts;      // link.evidence.concepts, as lexicon concept ids
};

// Readout `earlier` compared with readout `later` (indices into Series::readouts).
struct SeriesPair {
  std::size_t earlier = 0, later = 0;
  std::vector<SeriesLink> links;
};

struct LinkRef {
  std::size_t pair = 0, link = 0;  // indices into Series::pairs and its links
  bool operator<(const LinkRef& other) const { return pair != other.pair ? pair < other.pair : link < other.link; }
  bool operator==(const LinkRef& other) const { return pair == other.pair && link == other.link; }
};

// How an occurrence restates the previous one of its thread.
struct ThreadStep {
  std::size_t previous = 0;  // the previous occurrence's readout
  bool resumed = false;      // readouts between the two have none
  // Repeated only when every link joining the two is repeated and nothing changed.
  Relation relation = Relation::modified;
  // Its links' own changes (numbers, negation, a commitment on one side only) and, when both
  // occurrences commit, the commitment's strength and actor; in a fixed order.
  std::vector<const char*> changes;
  std::vector<LinkRef> links;  // the links joining it to the previous occurrence, sorted
};

struct Occurrence {
  std::size_t readout = 0;
  std::vector<std::size_t> sentences;   // ascending
  std::optional<Commitment> commitment;  // the earliest among its sentences
  std::optional<ThreadStep> step;        // unset for a thread's first occurrence
};

// A point that recurs: two or more occurrences, in readout order, numbered `id` in building order
// (first readout, then first sentence).
struct Thread {
  std::size_t id = 0;
  std::vector<Occurrence> occurrences;
  std::vector<std::size_t> gaps;  // readouts between the first and the last occurrence without one
  bool commitment = false;        // any occurrence commits
  bool changed = false;           // any step is modified
  // Threads its first sentence was linked to within the window but could not join (the split
  // rule): always recurring ones, by id.
  std::vector<std::size_t> split_from;
};

// A point made once: a sentence in no recurring thread.
struct OncePoint {
  std::size_t readout = 0, sentence = 0;
  std::optional<Commitment> commitment;
  std::vector<std::size_t> split_from;  // thread ids, as Thread::split_from
};

struct SeriesSummary {
  std::size_t readouts = 0, pairs = 0, links = 0, threads = 0, once = 0;
  std::size_t commitment_threads = 0, changed_threads = 0, resumed_threads = 0, in_every_readout = 0;
};

struct Series {
  std::size_t window = 0;
  std::vector<TrackedReadout> readouts;  // in series order
  std::vector<SeriesPair> pairs;         // by later readout, then earlier
  std::vector<Thread> threads;           // by id
  std::vector<OncePoint> once;           // in building order
  SeriesSummary summary;
};

}  // namespace readout_diff
