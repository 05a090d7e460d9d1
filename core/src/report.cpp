#include "report.hpp"

#include <cmath>

#include "json_writer.hpp"
#include "readout_diff/engine.hpp"

namespace readout_diff {
namespace {

// `outcome` null: a segmentation report's sentence, which has no alignment.
void write_sentence(JsonWriter& out, std::size_t i, const ClassifiedSentence& classified, const CompiledLexicon& lexicon,
                    const SentenceOutcome* outcome, const char* unmatched) {
  const Sentence& s = classified.sentence;
  out.begin_object()
      .key("id").value(i)
      .key("text").value(s.text)
      .key("start").value(s.start)
      .key("end").value(s.end)
      .key("kind").value(to_string(s.kind))
      .key("paragraph").value(s.paragraph)
      .key("language").value(to_string(classified.language));
  out.key("concepts").begin_array();
  for (auto concept_index : classified.concepts) out.value(lexicon.concepts[concept_index].id);
  out.end_array();
  out.key("commitment");
  write_commitment(out, classified.commitment, true);
  if (outcome != nullptr) {
    out.key("status").value(outcome->relation ? "kept" : unmatched);
    out.key("relation");
    if (outcome->relation) out.value(to_string(*outcome->relation));
    else out.null();
    out.key("links").array_of(outcome->links);
    out.key("possible_counterparts").begin_array();
    for (const NearMiss& miss : outcome->possible_counterparts) {
      out.begin_object().key("sentence").value(miss.sentence).key("score").value(rounded(miss.confidence)).end_object();
    }
    out.end_array();
  }
  out.end_object();
}

void write_link(JsonWriter& out, std::size_t id, const ComparedLink& compared) {
  out.begin_object();
  write_link_fields(out, id, compared.link, "a", "b", compared.shared_stems, compared.concepts);
  out.key("decided_by").value(compared.link.by_analyst ? "analyst" : "engine");
  out.key("diff").begin_array();
  for (const DiffRun& run : compared.diff.runs) {
    out.begin_object().key("op").value(to_string(run.op)).key("text").value(run.text).end_object();
  }
  out.end_array().key("diff_omitted").value(compared.diff.omitted).end_object();
}

void write_counts(JsonWriter& out, const SideSummary& counts, const char* unmatched) {
  out.begin_object()
      .key("sentences").value(counts.sentences)
      .key("commitments").value(counts.commitments)
      .key("kept").value(counts.kept)
      .key(unmatched).value(counts.unmatched)
      .end_object();
}

void write_review(JsonWriter& out, const std::vector<ReviewOutcome>& outcomes) {
  out.key("review").begin_array();
  for (const ReviewOutcome& outcome : outcomes) {
    const ReviewDecision& decision = outcome.decision;
    out.begin_object().key("decision").begin_object().key("action").value(to_string(decision.action));
    out.key("a").array_of(decision.a).key("b").array_of(decision.b);
    if (decision.relation) out.key("relation").value(to_string(*decision.relation));
    if (decision.a_text) out.key("a_text").array_of(*decision.a_text);
    if (decision.b_text) out.key("b_text").array_of(*decision.b_text);
    out.end_object().key("applied").value(outcome.applied).key("reason");
    if (outcome.applied) out.null();
    else out.value(outcome.reason);
    out.end_object();
  }
  out.end_array();
}

}  // namespace

double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }

void write_commitment(JsonWriter& out, const std::optional<Commitment>& commitment, bool cue_span) {
  if (!commitment) {
    out.null();
    return;
  }
  out.begin_object()
      .key("actor").value(commitment->actor)
      .key("actor_label").value(commitment->actor_label)
      .key("cue").value(commitment->cue)
      .key("strength").value(to_string(commitment->strength))
      .key("polarity").value(commitment->negated ? "negated" : "affirmed");
  if (cue_span) out.key("cue_start").value(commitment->cue_start).key("cue_end").value(commitment->cue_end);
  out.end_object();
}

void write_link_fields(JsonWriter& out, std::size_t id, const Link& link, const char* a_key, const char* b_key,
                       const std::vector<std::string>& shared_stems, const std::vector<std::string>& concepts) {
  const LinkEvidence& evidence = link.evidence;
  out.key("id").value(id)
      .key(a_key).array_of(link.a)
      .key(b_key).array_of(link.b)
      .key("relation").value(to_string(link.relation))
      .key("score").value(rounded(link.confidence))
      .key("band").value(confidence_band(link.confidence))
      .key("cross_language").value(evidence.cross_language);
  out.key("evidence").begin_object()
      .key("stem_overlap").value(rounded(evidence.stem_overlap))
      .key("trigram_overlap").value(rounded(evidence.trigram_overlap))
      .key("concept_overlap").value(rounded(evidence.concept_overlap))
      .key("similarity").value(rounded(evidence.similarity))
      .key("shared_stems").array_of(shared_stems)
      .key("concepts").array_of(concepts)
      .key("changes").array_of(evidence.changes)
      .end_object();
}

const char* confidence_band(double confidence) {
  constexpr double kStrongConfidence = 0.8, kModerateConfidence = 0.6;
  return confidence >= kStrongConfidence ? "strong" : confidence >= kModerateConfidence ? "moderate" : "weak";
}

std::string segmentation_report(const Segmentation& segmentation) {
  JsonWriter out;
  out.begin_object().key("schema").value(kReportSchema).key("language").value(to_string(segmentation.language));
  out.key("sentences").begin_array();
  for (std::size_t i = 0; i < segmentation.sentences.size(); ++i) {
    write_sentence(out, i, segmentation.sentences[i], *segmentation.lexicon, nullptr, nullptr);
  }
  out.end_array().end_object();
  return out.take();
}

std::string comparison_report(const Comparison& comparison) {
  const CompiledLexicon& lexicon = *comparison.lexicon;
  JsonWriter out;
  out.begin_object().key("schema").value(kReportSchema);
  out.key("engine").begin_object().key("version").value(READOUT_DIFF_VERSION).end_object();
  const auto write_side = [&](const char* name, const ComparedSide& side, const char* unmatched) {
    out.key(name).begin_object().key("language").value(to_string(side.language));
    out.key("sentences").begin_array();
    for (std::size_t i = 0; i < side.outcomes.size(); ++i) {
      write_sentence(out, i, side.sentences[i], lexicon, &side.outcomes[i], unmatched);
    }
    out.end_array().end_object();
  };
  write_side("a", comparison.a, "dropped");
  write_side("b", comparison.b, "new");
  out.key("links").begin_array();
  for (std::size_t id = 0; id < comparison.links.size(); ++id) write_link(out, id, comparison.links[id]);
  out.end_array();
  out.key("commitments").begin_array();
  for (const CommitmentFate& fate : comparison.commitments) {
    out.begin_object()
        .key("side").value(fate.side == Side::a ? "a" : "b")
        .key("sentence").value(fate.sentence)
        .key("fate").value(to_string(fate.fate))
        .key("counterparts").array_of(fate.counterparts)
        .key("changes").array_of(fate.changes)
        .end_object();
  }
  out.end_array();
  if (comparison.review) write_review(out, *comparison.review);
  const ComparisonSummary& summary = comparison.summary;
  out.key("summary").begin_object();
  out.key("a");
  write_counts(out, summary.a, "dropped");
  out.key("b");
  write_counts(out, summary.b, "new");
  out.key("links").begin_object()
      .key("repeated").value(summary.repeated_links)
      .key("modified").value(summary.modified_links)
      .end_object();
  out.key("commitments").begin_object()
      .key("repeated").value(summary.commitments_repeated)
      .key("modified").value(summary.commitments_modified)
      .key("new").value(summary.commitments_new)
      .key("dropped").value(summary.commitments_dropped)
      .end_object();
  out.end_object().end_object();
  return out.take();
}

}  // namespace readout_diff
