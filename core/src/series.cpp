// Track, stage by stage: a series of readouts analysed and aligned pair by pair within the window
// (stages 1 to 5, as compare() does them), the links joined into threads, and the typed Series
// assembled from them (docs/series.md has the rules).
#include "readout_diff/engine.hpp"

#include <algorithm>
#include <optional>

#include "pipeline.hpp"
#include "readout_diff/detail/commitments.hpp"
#include "readout_diff/detail/document.hpp"

namespace readout_diff {
namespace {

// A pair as it is aligned: its links, and per sentence of the later readout the links it is in.
struct AlignedPair {
  SeriesPair pair;
  std::vector<std::vector<std::size_t>> links_of_later;
};

// A thread while it is built: its occurrences with the links that joined them.
struct JoinedOccurrence {
  std::size_t readout = 0;
  std::vector<std::size_t> sentences;  // ascending
  std::vector<LinkRef> links;          // the links joining it to the previous occurrence, sorted
};

struct BuiltThread {
  std::vector<JoinedOccurrence> occurrences;  // in readout order
  std::vector<std::size_t> split_from;        // indices of built threads
};

SeriesError series_error(const Error& error, std::optional<std::size_t> readout, const std::vector<std::string>& names,
                         std::size_t count, std::string_view input) {
  SeriesError out{error, std::nullopt, std::nullopt};
  if (readout) {
    out.readout = SeriesReadout{*readout, names[*readout]};
    out.error.message = "Readout " + std::to_string(*readout + 1) + " of " + std::to_string(count) + " (" + names[*readout] +
                        "): " + error.message;
  }
  if (error.byte_offset) out.position = position_of(input, *error.byte_offset);
  return out;
}

Error bad_series(const std::string& message) { return Error{"bad_series", message, std::nullopt}; }

SeriesLink series_link(const Link& link, const Vocabulary& vocabulary, const CompiledLexicon& lexicon) {
  SeriesLink out{link, {}, {}};
  for (auto stem : link.evidence.shared_stems) out.shared_stems.push_back(vocabulary.text(stem));
  for (auto concept_index : link.evidence.concepts) out.concepts.push_back(lexicon.concepts[concept_index].id);
  return out;
}

// The earliest commitment among an occurrence's sentences, if any.
const std::optional<Commitment>* commitment_of(const JoinedOccurrence& occurrence, const std::vector<TrackedReadout>& readouts) {
  for (std::size_t s : occurrence.sentences) {
    const auto& commitment = readouts[occurrence.readout].commitments[s];
    if (commitment) return &commitment;
  }
  return nullptr;
}

ThreadStep step_of(const JoinedOccurrence& previous, const JoinedOccurrence& current, const std::vector<AlignedPair>& pairs,
                   const std::vector<TrackedReadout>& readouts) {
  static constexpr const char* kOrder[] = {"numbers", "negation", "commitment", "strength", "actor"};
  std::vector<std::string_view> found;
  bool all_repeated = true;
  for (const LinkRef& ref : current.links) {
    const Link& link = pairs[ref.pair].pair.links[ref.link].link;
    all_repeated = all_repeated && link.relation == Relation::repeated;
    for (const char* change : link.evidence.changes) found.emplace_back(change);
  }
  const auto* before = commitment_of(previous, readouts);
  const auto* now = commitment_of(current, readouts);
  if (before != nullptr && now != nullptr) {
    if ((*before)->strength != (*now)->strength) found.emplace_back("strength");
    if ((*before)->actor != (*now)->actor) found.emplace_back("actor");
  }
  ThreadStep step;
  step.previous = previous.readout;
  step.resumed = current.readout > previous.readout + 1;
  for (const char* change : kOrder) {
    if (std::find(found.begin(), found.end(), change) != found.end()) step.changes.push_back(change);
  }
  step.relation = all_repeated && step.changes.empty() ? Relation::repeated : Relation::modified;
  step.links = current.links;
  return step;
}

// Joins the links into threads, readout by readout (docs/series.md, "Threads"). A sentence of
// readout j joins every thread that has an occurrence in the window (readouts j - window to
// j - 1) and one of whose sentences in EACH of those occurrences is linked to it. A sentence that
// joins no thread starts one; the threads it was linked to but could not join are its split_from.
class ThreadBuilder {
 public:
  ThreadBuilder(std::size_t window, const std::vector<AlignedPair>& pairs) : window_(window), pairs_(pairs) {}

  // Call for each readout in order, after every pair ending at it has been aligned.
  void add_readout(std::size_t j, std::size_t sentence_count, const std::vector<std::size_t>& pairs_into) {
    threads_of_.emplace_back(sentence_count);
    pairs_into_.push_back(pairs_into);
    for (std::size_t s = 0; s < sentence_count; ++s) add_sentence(j, s);
  }

  std::vector<BuiltThread> take() { return std::move(threads_); }

 private:
  struct Linked {
    std::size_t readout, sentence;
    LinkRef link;
  };

  std::vector<Linked> linked_to(std::size_t j, std::size_t s) const {
    std::vector<Linked> out;
    for (std::size_t pair : pairs_into_[j]) {
      for (std::size_t link : pairs_[pair].links_of_later[s]) {
        for (std::size_t x : pairs_[pair].pair.links[link].link.a) out.push_back({pairs_[pair].pair.earlier, x, {pair, link}});
      }
    }
    return out;
  }

  void add_sentence(std::size_t j, std::size_t s) {
    const std::vector<Linked> linked = linked_to(j, s);
    std::vector<std::size_t> candidates;
    for (const Linked& l : linked) {
      const auto& threads = threads_of_[l.readout][l.sentence];
      candidates.insert(candidates.end(), threads.begin(), threads.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<std::size_t> failed;
    bool joined = false;
    for (std::size_t t : candidates) {
      if (qualifies(threads_[t], j, linked)) {
        join(t, j, s, linked);
        joined = true;
      } else {
        failed.push_back(t);
      }
    }
    if (joined) return;
    threads_of_[j][s].push_back(threads_.size());
    threads_.push_back(BuiltThread{{JoinedOccurrence{j, {s}, {}}}, std::move(failed)});
  }

  static bool is_linked(const std::vector<Linked>& linked, const JoinedOccurrence& occurrence) {
    return std::any_of(linked.begin(), linked.end(), [&](const Linked& l) {
      return l.readout == occurrence.readout &&
             std::binary_search(occurrence.sentences.begin(), occurrence.sentences.end(), l.sentence);
    });
  }

  bool qualifies(const BuiltThread& thread, std::size_t j, const std::vector<Linked>& linked) const {
    for (const JoinedOccurrence& occurrence : thread.occurrences) {
      if (occurrence.readout >= j || occurrence.readout + window_ < j) continue;
      if (!is_linked(linked, occurrence)) return false;
    }
    return true;
  }

  void join(std::size_t t, std::size_t j, std::size_t s, const std::vector<Linked>& linked) {
    BuiltThread& thread = threads_[t];
    if (thread.occurrences.back().readout != j) thread.occurrences.push_back(JoinedOccurrence{j, {}, {}});
    JoinedOccurrence& current = thread.occurrences.back();
    const JoinedOccurrence& previous = thread.occurrences[thread.occurrences.size() - 2];
    current.sentences.push_back(s);  // sentences arrive in order
    for (const Linked& l : linked) {
      if (l.readout == previous.readout &&
          std::binary_search(previous.sentences.begin(), previous.sentences.end(), l.sentence)) {
        current.links.push_back(l.link);
      }
    }
    std::sort(current.links.begin(), current.links.end());
    current.links.erase(std::unique(current.links.begin(), current.links.end()), current.links.end());
    threads_of_[j][s].push_back(t);
  }

  std::size_t window_;
  const std::vector<AlignedPair>& pairs_;
  std::vector<std::vector<std::size_t>> pairs_into_;               // per readout: the pairs ending at it
  std::vector<std::vector<std::vector<std::size_t>>> threads_of_;  // per readout, per sentence
  std::vector<BuiltThread> threads_;
};

Occurrence occurrence_of(const JoinedOccurrence& joined, const std::vector<TrackedReadout>& readouts) {
  const auto* commitment = commitment_of(joined, readouts);
  return Occurrence{joined.readout, joined.sentences, commitment ? *commitment : std::nullopt, std::nullopt};
}

// The series as a reader sees it: threads with two or more occurrences are numbered in their
// building order (first readout, then first sentence); a single occurrence is a point made once.
// split_from only ever names recurring threads: a sentence linked to a thread with a single
// occurrence in the window always qualifies for it, so a thread it could not join has two or more.
Series assemble(std::vector<TrackedReadout> readouts, std::size_t window, std::vector<AlignedPair> aligned,
                const std::vector<BuiltThread>& built) {
  Series series;
  series.window = window;
  std::vector<std::size_t> id_of(built.size(), 0);
  for (std::size_t t = 0; t < built.size(); ++t) {
    if (built[t].occurrences.size() > 1) id_of[t] = series.summary.threads++;
  }
  const auto ids_of = [&](const std::vector<std::size_t>& threads) {
    std::vector<std::size_t> ids;
    for (std::size_t t : threads) ids.push_back(id_of[t]);
    return ids;
  };
  for (const BuiltThread& joined : built) {
    if (joined.occurrences.size() < 2) {
      const JoinedOccurrence& first = joined.occurrences.front();
      const auto* commitment = commitment_of(first, readouts);
      series.once.push_back(OncePoint{first.readout, first.sentences.front(), commitment ? *commitment : std::nullopt,
                                      ids_of(joined.split_from)});
      continue;
    }
    Thread thread;
    thread.id = series.threads.size();
    thread.split_from = ids_of(joined.split_from);
    for (std::size_t k = 0; k < joined.occurrences.size(); ++k) {
      Occurrence occurrence = occurrence_of(joined.occurrences[k], readouts);
      thread.commitment = thread.commitment || occurrence.commitment.has_value();
      if (k > 0) {
        const JoinedOccurrence& previous = joined.occurrences[k - 1];
        for (std::size_t r = previous.readout + 1; r < occurrence.readout; ++r) thread.gaps.push_back(r);
        occurrence.step = step_of(previous, joined.occurrences[k], aligned, readouts);
        thread.changed = thread.changed || occurrence.step->relation != Relation::repeated;
      }
      thread.occurrences.push_back(std::move(occurrence));
    }
    SeriesSummary& summary = series.summary;
    summary.commitment_threads += thread.commitment ? 1 : 0;
    summary.changed_threads += thread.changed ? 1 : 0;
    summary.resumed_threads += thread.gaps.empty() ? 0 : 1;
    summary.in_every_readout += thread.occurrences.size() == readouts.size() ? 1 : 0;
    series.threads.push_back(std::move(thread));
  }
  series.summary.readouts = readouts.size();
  series.summary.pairs = aligned.size();
  series.summary.once = series.once.size();
  for (AlignedPair& pair : aligned) {
    series.summary.links += pair.pair.links.size();
    series.pairs.push_back(std::move(pair.pair));
  }
  series.readouts = std::move(readouts);
  return series;
}

}  // namespace

Result<Series, SeriesError> track_series(const std::vector<std::string_view>& texts, const std::vector<std::string>& names,
                                              std::size_t window, std::string_view options_json) {
  const std::size_t count = texts.size();
  if (count < kMinSeriesReadouts || count > kMaxSeriesReadouts) {
    return series_error(bad_series("A series has " + std::to_string(kMinSeriesReadouts) + " to " +
                                   std::to_string(kMaxSeriesReadouts) + " readouts; " + std::to_string(count) + " given."),
                        std::nullopt, names, count, {});
  }
  if (names.size() != count) {
    return series_error(bad_series(std::to_string(count) + " readouts but " + std::to_string(names.size()) + " names."),
                        std::nullopt, names, count, {});
  }
  if (window < 1 || window >= kMaxSeriesReadouts) {
    return series_error(bad_series("The window is " + std::to_string(window) + "; it must be from 1 to " +
                                   std::to_string(kMaxSeriesReadouts - 1) + "."),
                        std::nullopt, names, count, {});
  }
  for (std::size_t r = 0; r < count; ++r) {
    auto name = check_text_input(names[r], kMaxInputBytes);
    if (!name.ok()) {
      // The place is in the name, not the text: the message carries it, the offset fields do not.
      return series_error(bad_series("Readout " + std::to_string(r + 1) + " of " + std::to_string(count) +
                                     ": its name is not usable: " + name.error().message),
                          std::nullopt, names, count, {});
    }
  }
  auto made = make_pipeline(options_json);
  if (!made.ok()) return series_error(made.error(), std::nullopt, names, count, {});
  const Pipeline& pipeline = made.value();
  if (auto refused = review_refused(pipeline.options, "a series")) return series_error(*refused, std::nullopt, names, count, {});

  // Pairs in order of their later readout, then their earlier one: readout j's pairs are all
  // aligned before its sentences are threaded, and readouts are first analysed in series order,
  // so the first bad readout is the one reported. Readout 0 is first analysed in pair (0, 1).
  std::vector<TrackedReadout> readouts;
  std::vector<AlignedPair> pairs;
  ThreadBuilder builder(window, pairs);
  for (std::size_t j = 1; j < count; ++j) {
    std::vector<std::size_t> pairs_into;
    for (std::size_t i = j > window ? j - window : 0; i < j; ++i) {
      // As compare() does it, so a pair's links are exactly those compare(texts[i], texts[j]) reports.
      Analyzer analyzer(*pipeline.lexicon, *pipeline.tokenizer);
      std::optional<AnalyzedDocument> earlier, later;
      for (const auto& [r, target] : {std::pair<std::size_t, std::optional<AnalyzedDocument>*>{i, &earlier}, {j, &later}}) {
        auto analyzed = analyze_side(texts[r], pipeline.options, *pipeline.segmenter, analyzer);
        if (!analyzed.ok()) return series_error(analyzed.error(), r, names, count, texts[r]);
        *target = std::move(analyzed).value();
        if (r == readouts.size()) {
          const AnalyzedDocument& first = **target;
          std::size_t commitments = 0;
          for (const auto& commitment : first.commitments) commitments += commitment ? 1 : 0;
          readouts.push_back(TrackedReadout{names[r], first.features.language, first.document, first.commitments, commitments});
        }
      }
      const std::vector<Link> links =
          align(*earlier, *later, analyzer.vocabulary(), *pipeline.lexicon, pipeline.options.align).links;
      AlignedPair pair{{i, j, {}}, std::vector<std::vector<std::size_t>>(later->document.sentences.size())};
      for (const Link& link : links) {
        for (std::size_t s : link.b) pair.links_of_later[s].push_back(pair.pair.links.size());
        pair.pair.links.push_back(series_link(link, analyzer.vocabulary(), *pipeline.lexicon));
      }
      pairs_into.push_back(pairs.size());
      pairs.push_back(std::move(pair));
    }
    if (j == 1) builder.add_readout(0, readouts[0].document.sentences.size(), {});
    builder.add_readout(j, readouts[j].document.sentences.size(), pairs_into);
  }
  const std::vector<BuiltThread> built = builder.take();
  return assemble(std::move(readouts), window, std::move(pairs), built);
}

std::string to_json(const SeriesError& error) {
  nlohmann::json where = nlohmann::json::object();
  if (error.readout) {
    where["readout"] = error.readout->index;
    where["name"] = error.readout->name;
  }
  return error_json(kSeriesSchema, error.error, error.position, std::move(where));
}

EngineOutput track(const std::vector<std::string_view>& texts, const std::vector<std::string>& names, std::size_t window,
                   std::string_view options_json) {
  const auto tracked = track_series(texts, names, window, options_json);
  if (!tracked.ok()) return EngineOutput{to_json(tracked.error()), true};
  return EngineOutput{to_json(tracked.value()), false};
}

}  // namespace readout_diff
