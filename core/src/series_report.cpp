// The series report: a Series as readout-diff-series/1 JSON text. A writer only: everything it
// writes is worked out by series.cpp.
#include "json_writer.hpp"
#include "readout_diff/engine.hpp"
#include "report.hpp"

namespace readout_diff {
namespace {

void write_sentence_span(JsonWriter& out, const TrackedReadout& readout, std::size_t s) {
  const Sentence& sentence = readout.document.sentences[s];
  out.begin_object()
      .key("id").value(s)
      .key("text").value(sentence.text)
      .key("start").value(sentence.start)
      .key("end").value(sentence.end)
      .end_object();
}

void write_pair(JsonWriter& out, const SeriesPair& pair) {
  out.begin_object().key("earlier").value(pair.earlier).key("later").value(pair.later);
  out.key("links").begin_array();
  for (std::size_t id = 0; id < pair.links.size(); ++id) {
    const SeriesLink& link = pair.links[id];
    out.begin_object();
    write_link_fields(out, id, link.link, "earlier", "later", link.shared_stems, link.concepts);
    out.end_object();
  }
  out.end_array().end_object();
}

void write_occurrence(JsonWriter& out, const Occurrence& occurrence, const TrackedReadout& readout) {
  out.begin_object().key("readout").value(occurrence.readout);
  out.key("sentences").begin_array();
  for (std::size_t s : occurrence.sentences) write_sentence_span(out, readout, s);
  out.end_array();
  out.key("commitment");
  write_commitment(out, occurrence.commitment, false);
  if (!occurrence.step) {
    out.key("previous").null().key("resumed").value(false).key("relation").null();
    out.key("changes").begin_array().end_array().key("links").begin_array().end_array();
  } else {
    const ThreadStep& step = *occurrence.step;
    out.key("previous").value(step.previous)
        .key("resumed").value(step.resumed)
        .key("relation").value(to_string(step.relation))
        .key("changes").array_of(step.changes);
    out.key("links").begin_array();
    for (const LinkRef& ref : step.links) out.begin_object().key("pair").value(ref.pair).key("link").value(ref.link).end_object();
    out.end_array();
  }
  out.end_object();
}

}  // namespace

std::string to_json(const Series& series) {
  JsonWriter out;
  out.begin_object().key("schema").value(kSeriesSchema);
  out.key("engine").begin_object().key("version").value(READOUT_DIFF_VERSION).end_object();
  out.key("window").value(series.window);
  out.key("readouts").begin_array();
  for (std::size_t r = 0; r < series.readouts.size(); ++r) {
    const TrackedReadout& readout = series.readouts[r];
    out.begin_object()
        .key("index").value(r)
        .key("name").value(readout.name)
        .key("language").value(to_string(readout.language))
        .key("sentences").value(readout.document.sentences.size())
        .key("commitments").value(readout.commitment_count)
        .end_object();
  }
  out.end_array();
  out.key("pairs").begin_array();
  for (const SeriesPair& pair : series.pairs) write_pair(out, pair);
  out.end_array();

  out.key("threads").begin_array();
  for (const Thread& thread : series.threads) {
    out.begin_object()
        .key("id").value(thread.id)
        .key("first").value(thread.occurrences.front().readout)
        .key("last").value(thread.occurrences.back().readout);
    out.key("readouts").begin_array();
    for (const Occurrence& occurrence : thread.occurrences) out.value(occurrence.readout);
    out.end_array();
    out.key("gaps").array_of(thread.gaps)
        .key("commitment").value(thread.commitment)
        .key("changed").value(thread.changed)
        .key("split_from").array_of(thread.split_from);
    out.key("occurrences").begin_array();
    for (const Occurrence& occurrence : thread.occurrences) write_occurrence(out, occurrence, series.readouts[occurrence.readout]);
    out.end_array().end_object();
  }
  out.end_array();

  out.key("once").begin_array();
  for (const OncePoint& point : series.once) {
    out.begin_object().key("readout").value(point.readout).key("sentence");
    write_sentence_span(out, series.readouts[point.readout], point.sentence);
    out.key("commitment");
    write_commitment(out, point.commitment, false);
    out.key("split_from").array_of(point.split_from);
    out.end_object();
  }
  out.end_array();

  const SeriesSummary& summary = series.summary;
  out.key("summary").begin_object()
      .key("readouts").value(summary.readouts)
      .key("pairs").value(summary.pairs)
      .key("links").value(summary.links)
      .key("threads").value(summary.threads)
      .key("once").value(summary.once)
      .key("commitment_threads").value(summary.commitment_threads)
      .key("changed_threads").value(summary.changed_threads)
      .key("resumed_threads").value(summary.resumed_threads)
      .key("in_every_readout").value(summary.in_every_readout)
      .end_object();
  out.end_object();
  return out.take();
}

}  // namespace readout_diff
