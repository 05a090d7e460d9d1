#include "readout_diff/engine.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "json_writer.hpp"
#include "pipeline.hpp"
#include "readout_diff/detail/commitments.hpp"
#include "readout_diff/detail/document.hpp"

namespace readout_diff {
namespace {

// What the series keeps of a readout after its first comparison: its sentences and commitments.
// Features are per comparison (each has its own vocabulary) and are dropped with it, so memory
// for them is bounded by one pair, not by the series.
struct Readout {
  Document document;
  std::vector<std::optional<Commitment>> commitments;
  Language language = Language::en;
};

// A link of one pair, with its evidence as text: the pair's vocabulary does not outlive the pair.
struct SeriesLink {
  std::vector<std::size_t> earlier, later;  // sentence indices, ascending
  Relation relation = Relation::modified;
  double score = 0;
  LinkEvidence evidence;  // its stems and concepts as text below
  std::vector<std::string> shared_stems, concepts;
};

struct PairLinks {
  std::size_t earlier = 0, later = 0;  // readout indices
  std::vector<SeriesLink> links;
  std::vector<std::vector<std::size_t>> links_of_later;  // per sentence of the later readout
};

struct LinkRef {
  std::size_t pair = 0, link = 0;
  bool operator<(const LinkRef& other) const { return pair != other.pair ? pair < other.pair : link < other.link; }
  bool operator==(const LinkRef& other) const { return pair == other.pair && link == other.link; }
};

struct Occurrence {
  std::size_t readout = 0;
  std::vector<std::size_t> sentences;  // ascending
  std::vector<LinkRef> links;          // the links joining it to the previous occurrence, sorted
};

struct Thread {
  std::vector<Occurrence> occurrences;  // in readout order
  // Threads its first sentence was linked to within the window but could not join (the split rule).
  std::vector<std::size_t> split_from;
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
  SeriesLink out;
  out.earlier = link.a;
  out.later = link.b;
  out.relation = link.relation;
  out.score = link.confidence;
  out.evidence = link.evidence;
  for (auto stem : link.evidence.shared_stems) out.shared_stems.push_back(vocabulary.text(stem));
  for (auto concept_index : link.evidence.concepts) out.concepts.push_back(lexicon.concepts[concept_index].id);
  return out;
}

// The earliest commitment among an occurrence's sentences, if any.
const Commitment* commitment_of(const Occurrence& occurrence, const std::vector<Readout>& readouts) {
  for (std::size_t s : occurrence.sentences) {
    const auto& commitment = readouts[occurrence.readout].commitments[s];
    if (commitment) return &*commitment;
  }
  return nullptr;
}

// How an occurrence restates the previous one. What changed: its links' own changes (numbers,
// negation, a commitment on one side only) and, when both occurrences are commitments, the
// commitment's strength and actor. It is "repeated" only when every link joining the two is
// repeated and nothing changed.
struct Step {
  bool repeated = false;
  std::vector<const char*> changes;
};

Step step_of(const Occurrence& previous, const Occurrence& current, const std::vector<PairLinks>& pairs,
             const std::vector<Readout>& readouts) {
  static constexpr const char* kOrder[] = {"numbers", "negation", "commitment", "strength", "actor"};
  std::vector<std::string_view> found;
  bool all_repeated = true;
  for (const LinkRef& ref : current.links) {
    const SeriesLink& link = pairs[ref.pair].links[ref.link];
    all_repeated = all_repeated && link.relation == Relation::repeated;
    for (const char* change : link.evidence.changes) found.emplace_back(change);
  }
  const Commitment* before = commitment_of(previous, readouts);
  const Commitment* now = commitment_of(current, readouts);
  if (before != nullptr && now != nullptr) {
    if (before->strength != now->strength) found.emplace_back("strength");
    if (before->actor != now->actor) found.emplace_back("actor");
  }
  Step step;
  for (const char* change : kOrder) {
    if (std::find(found.begin(), found.end(), change) != found.end()) step.changes.push_back(change);
  }
  step.repeated = all_repeated && step.changes.empty();
  return step;
}

// Joins the links into threads, readout by readout (docs/series.md, "Threads"). A sentence of
// readout j joins every thread that has an occurrence in the window (readouts j - window to
// j - 1) and one of whose sentences in EACH of those occurrences is linked to it. A sentence that
// joins no thread starts one; the threads it was linked to but could not join are its split_from.
class ThreadBuilder {
 public:
  ThreadBuilder(std::size_t window, const std::vector<PairLinks>& pairs) : window_(window), pairs_(pairs) {}

  // Call for each readout in order, after every pair ending at it has been aligned.
  void add_readout(std::size_t j, std::size_t sentence_count, const std::vector<std::size_t>& pairs_into) {
    threads_of_.emplace_back(sentence_count);
    pairs_into_.push_back(pairs_into);
    for (std::size_t s = 0; s < sentence_count; ++s) add_sentence(j, s);
  }

  std::vector<Thread> take() { return std::move(threads_); }

 private:
  struct Linked {
    std::size_t readout, sentence;
    LinkRef link;
  };

  std::vector<Linked> linked_to(std::size_t j, std::size_t s) const {
    std::vector<Linked> out;
    for (std::size_t pair : pairs_into_[j]) {
      for (std::size_t link : pairs_[pair].links_of_later[s]) {
        for (std::size_t x : pairs_[pair].links[link].earlier) out.push_back({pairs_[pair].earlier, x, {pair, link}});
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
    threads_.push_back(Thread{{Occurrence{j, {s}, {}}}, std::move(failed)});
  }

  static bool is_linked(const std::vector<Linked>& linked, const Occurrence& occurrence) {
    return std::any_of(linked.begin(), linked.end(), [&](const Linked& l) {
      return l.readout == occurrence.readout &&
             std::binary_search(occurrence.sentences.begin(), occurrence.sentences.end(), l.sentence);
    });
  }

  bool qualifies(const Thread& thread, std::size_t j, const std::vector<Linked>& linked) const {
    for (const Occurrence& occurrence : thread.occurrences) {
      if (occurrence.readout >= j || occurrence.readout + window_ < j) continue;
      if (!is_linked(linked, occurrence)) return false;
    }
    return true;
  }

  void join(std::size_t t, std::size_t j, std::size_t s, const std::vector<Linked>& linked) {
    Thread& thread = threads_[t];
    if (thread.occurrences.back().readout != j) thread.occurrences.push_back(Occurrence{j, {}, {}});
    Occurrence& current = thread.occurrences.back();
    const Occurrence& previous = thread.occurrences[thread.occurrences.size() - 2];
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
  const std::vector<PairLinks>& pairs_;
  std::vector<std::vector<std::size_t>> pairs_into_;               // per readout: the pairs ending at it
  std::vector<std::vector<std::vector<std::size_t>>> threads_of_;  // per readout, per sentence
  std::vector<Thread> threads_;
};

void write_sentence_span(JsonWriter& out, const Readout& readout, std::size_t s) {
  const Sentence& sentence = readout.document.sentences[s];
  out.begin_object()
      .key("id").value(s)
      .key("text").value(sentence.text)
      .key("start").value(sentence.start)
      .key("end").value(sentence.end)
      .end_object();
}

void write_commitment(JsonWriter& out, const Commitment* commitment) {
  if (commitment == nullptr) {
    out.null();
    return;
  }
  out.begin_object();
  write_commitment_fields(out, *commitment);
  out.end_object();
}

void write_pair(JsonWriter& out, const PairLinks& pair) {
  out.begin_object().key("earlier").value(pair.earlier).key("later").value(pair.later);
  out.key("links").begin_array();
  for (std::size_t id = 0; id < pair.links.size(); ++id) {
    const SeriesLink& link = pair.links[id];
    out.begin_object()
        .key("id").value(id)
        .key("earlier").array_of(link.earlier)
        .key("later").array_of(link.later)
        .key("relation").value(to_string(link.relation))
        .key("score").value(rounded(link.score))
        .key("band").value(confidence_band(link.score))
        .key("cross_language").value(link.evidence.cross_language);
    out.key("evidence");
    write_evidence(out, link.evidence, link.shared_stems, link.concepts);
    out.end_object();
  }
  out.end_array().end_object();
}

struct ThreadFacts {
  bool commitment = false, changed = false, resumed = false;
  std::vector<std::size_t> gaps;  // readouts between the first and the last occurrence without one
};

ThreadFacts facts_of(const Thread& thread, const std::vector<Readout>& readouts, const std::vector<PairLinks>& pairs) {
  ThreadFacts facts;
  for (std::size_t k = 0; k < thread.occurrences.size(); ++k) {
    const Occurrence& occurrence = thread.occurrences[k];
    facts.commitment = facts.commitment || commitment_of(occurrence, readouts) != nullptr;
    if (k == 0) continue;
    const Occurrence& previous = thread.occurrences[k - 1];
    for (std::size_t r = previous.readout + 1; r < occurrence.readout; ++r) facts.gaps.push_back(r);
    facts.changed = facts.changed || !step_of(previous, occurrence, pairs, readouts).repeated;
  }
  facts.resumed = !facts.gaps.empty();
  return facts;
}

void write_occurrence(JsonWriter& out, const Thread& thread, std::size_t k, const std::vector<Readout>& readouts,
                      const std::vector<PairLinks>& pairs) {
  const Occurrence& occurrence = thread.occurrences[k];
  const Readout& readout = readouts[occurrence.readout];
  out.begin_object().key("readout").value(occurrence.readout);
  out.key("sentences").begin_array();
  for (std::size_t s : occurrence.sentences) write_sentence_span(out, readout, s);
  out.end_array();
  out.key("commitment");
  write_commitment(out, commitment_of(occurrence, readouts));
  if (k == 0) {
    out.key("previous").null().key("resumed").value(false).key("relation").null();
    out.key("changes").begin_array().end_array().key("links").begin_array().end_array();
  } else {
    const Occurrence& previous = thread.occurrences[k - 1];
    const Step step = step_of(previous, occurrence, pairs, readouts);
    out.key("previous").value(previous.readout)
        .key("resumed").value(occurrence.readout > previous.readout + 1)
        .key("relation").value(step.repeated ? "repeated" : "modified")
        .key("changes").array_of(step.changes);
    out.key("links").begin_array();
    for (const LinkRef& ref : occurrence.links) {
      out.begin_object().key("pair").value(ref.pair).key("link").value(ref.link).end_object();
    }
    out.end_array();
  }
  out.end_object();
}

std::string series_report(const std::vector<Readout>& readouts, const std::vector<std::string>& names, std::size_t window,
                          const std::vector<PairLinks>& pairs, const std::vector<Thread>& threads) {
  // Threads with two or more occurrences are numbered in their building order (first readout,
  // then first sentence); a single occurrence is a point made once. split_from only ever names
  // recurring threads: a sentence linked to a thread with a single occurrence in the window
  // always qualifies for it, so a thread it could not join has two or more.
  std::vector<std::size_t> id_of(threads.size(), 0);
  std::size_t recurring = 0;
  for (std::size_t t = 0; t < threads.size(); ++t) {
    if (threads[t].occurrences.size() > 1) id_of[t] = recurring++;
  }
  JsonWriter out;
  out.begin_object().key("schema").value(kSeriesSchema);
  out.key("engine").begin_object().key("version").value(READOUT_DIFF_VERSION).end_object();
  out.key("window").value(window);
  out.key("readouts").begin_array();
  for (std::size_t r = 0; r < readouts.size(); ++r) {
    std::size_t commitments = 0;
    for (const auto& commitment : readouts[r].commitments) commitments += commitment ? 1 : 0;
    out.begin_object()
        .key("index").value(r)
        .key("name").value(names[r])
        .key("language").value(to_string(readouts[r].language))
        .key("sentences").value(readouts[r].document.sentences.size())
        .key("commitments").value(commitments)
        .end_object();
  }
  out.end_array();
  std::size_t link_count = 0;
  out.key("pairs").begin_array();
  for (const PairLinks& pair : pairs) {
    write_pair(out, pair);
    link_count += pair.links.size();
  }
  out.end_array();

  std::size_t commitment_threads = 0, changed_threads = 0, resumed_threads = 0, in_every_readout = 0;
  out.key("threads").begin_array();
  for (std::size_t t = 0; t < threads.size(); ++t) {
    const Thread& thread = threads[t];
    if (thread.occurrences.size() < 2) continue;
    const ThreadFacts facts = facts_of(thread, readouts, pairs);
    commitment_threads += facts.commitment ? 1 : 0;
    changed_threads += facts.changed ? 1 : 0;
    resumed_threads += facts.resumed ? 1 : 0;
    in_every_readout += thread.occurrences.size() == readouts.size() ? 1 : 0;
    out.begin_object()
        .key("id").value(id_of[t])
        .key("first").value(thread.occurrences.front().readout)
        .key("last").value(thread.occurrences.back().readout);
    out.key("readouts").begin_array();
    for (const Occurrence& occurrence : thread.occurrences) out.value(occurrence.readout);
    out.end_array();
    out.key("gaps").array_of(facts.gaps)
        .key("commitment").value(facts.commitment)
        .key("changed").value(facts.changed);
    out.key("split_from").begin_array();
    for (std::size_t from : thread.split_from) out.value(id_of[from]);
    out.end_array();
    out.key("occurrences").begin_array();
    for (std::size_t k = 0; k < thread.occurrences.size(); ++k) write_occurrence(out, thread, k, readouts, pairs);
    out.end_array().end_object();
  }
  out.end_array();

  out.key("once").begin_array();
  for (const Thread& thread : threads) {
    if (thread.occurrences.size() > 1) continue;
    const Occurrence& occurrence = thread.occurrences.front();
    out.begin_object().key("readout").value(occurrence.readout).key("sentence");
    write_sentence_span(out, readouts[occurrence.readout], occurrence.sentences.front());
    out.key("commitment");
    write_commitment(out, commitment_of(occurrence, readouts));
    out.key("split_from").begin_array();
    for (std::size_t from : thread.split_from) out.value(id_of[from]);
    out.end_array().end_object();
  }
  out.end_array();

  out.key("summary").begin_object()
      .key("readouts").value(readouts.size())
      .key("pairs").value(pairs.size())
      .key("links").value(link_count)
      .key("threads").value(recurring)
      .key("once").value(threads.size() - recurring)
      .key("commitment_threads").value(commitment_threads)
      .key("changed_threads").value(changed_threads)
      .key("resumed_threads").value(resumed_threads)
      .key("in_every_readout").value(in_every_readout)
      .end_object();
  out.end_object();
  return out.take();
}

}  // namespace

Result<std::string, SeriesError> track_series(const std::vector<std::string_view>& texts, const std::vector<std::string>& names,
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

  // Pairs in order of their later readout, then their earlier one: readout j's pairs are all
  // aligned before its sentences are threaded, and readouts are first analysed in series order,
  // so the first bad readout is the one reported. Readout 0 is first analysed in pair (0, 1).
  std::vector<Readout> readouts;
  std::vector<PairLinks> pairs;
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
          readouts.push_back(Readout{first.document, first.commitments, first.features.language});
        }
      }
      const std::vector<Link> links =
          align(*earlier, *later, analyzer.vocabulary(), *pipeline.lexicon, pipeline.options.align).links;
      PairLinks pair{i, j, {}, std::vector<std::vector<std::size_t>>(later->document.sentences.size())};
      for (const Link& link : links) {
        for (std::size_t s : link.b) pair.links_of_later[s].push_back(pair.links.size());
        pair.links.push_back(series_link(link, analyzer.vocabulary(), *pipeline.lexicon));
      }
      pairs_into.push_back(pairs.size());
      pairs.push_back(std::move(pair));
    }
    if (j == 1) builder.add_readout(0, readouts[0].document.sentences.size(), {});
    builder.add_readout(j, readouts[j].document.sentences.size(), pairs_into);
  }
  return series_report(readouts, names, window, pairs, builder.take());
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
  return EngineOutput{tracked.value(), false};
}

}  // namespace readout_diff
