#include "report.hpp"

#include <cmath>

#include "json_writer.hpp"
#include "readout_diff/engine.hpp"
#include "readout_diff/word_diff.hpp"

namespace readout_diff {
namespace {

void write_commitment(JsonWriter& out, const std::optional<Commitment>& commitment) {
  if (!commitment) {
    out.null();
    return;
  }
  out.begin_object();
  write_commitment_fields(out, *commitment);
  out.key("cue_start").value(commitment->cue_start)
      .key("cue_end").value(commitment->cue_end)
      .end_object();
}

// Per-sentence outcome of the alignment, for one side.
struct SentenceOutcome {
  std::vector<std::size_t> links;
  int relation = -1;  // -1 unmatched, 0 modified, 1 repeated (a repeated link wins)
};

void write_sentence(JsonWriter& out, const AnalyzedDocument& side, std::size_t i, const CompiledLexicon& lexicon,
                    const SentenceOutcome* outcome, const std::vector<NearMiss>* near, const char* unmatched) {
  const Sentence& s = side.document.sentences[i];
  out.begin_object()
      .key("id").value(i)
      .key("text").value(s.text)
      .key("start").value(s.start)
      .key("end").value(s.end)
      .key("kind").value(to_string(s.kind))
      .key("paragraph").value(s.paragraph)
      .key("language").value(to_string(side.features.sentences[i].language));
  out.key("concepts").begin_array();
  for (auto concept_index : side.features.sentences[i].concepts) out.value(lexicon.concepts[concept_index].id);
  out.end_array();
  out.key("commitment");
  write_commitment(out, side.commitments[i]);
  if (outcome != nullptr) {
    const bool kept = outcome->relation >= 0;
    out.key("status").value(kept ? "kept" : unmatched);
    out.key("relation");
    if (kept) out.value(outcome->relation == 1 ? "repeated" : "modified");
    else out.null();
    out.key("links").array_of(outcome->links);
    out.key("possible_counterparts").begin_array();
    for (const NearMiss& miss : *near) {
      out.begin_object().key("sentence").value(miss.sentence).key("score").value(rounded(miss.confidence)).end_object();
    }
    out.end_array();
  }
  out.end_object();
}

WordSequence words_of(const AnalyzedDocument& side, const std::vector<std::size_t>& sentences) {
  WordSequence words(side.document.bytes);
  for (std::size_t index : sentences) words.add_sentence(side.features.sentences[index].tokens);
  return words;
}

void write_link(JsonWriter& out, std::size_t id, const Link& link, const AnalyzedDocument& a, const AnalyzedDocument& b,
                const Vocabulary& vocabulary, const CompiledLexicon& lexicon) {
  out.begin_object()
      .key("id").value(id)
      .key("a").array_of(link.a)
      .key("b").array_of(link.b)
      .key("relation").value(to_string(link.relation))
      .key("score").value(rounded(link.confidence))
      .key("band").value(confidence_band(link.confidence))
      .key("cross_language").value(link.evidence.cross_language);
  std::vector<std::string> shared_stems, concepts;
  for (auto stem : link.evidence.shared_stems) shared_stems.push_back(vocabulary.text(stem));
  for (auto concept_index : link.evidence.concepts) concepts.push_back(lexicon.concepts[concept_index].id);
  out.key("evidence");
  write_evidence(out, link.evidence, shared_stems, concepts);

  // A word diff only within one language; an identical pair needs none (it would repeat the text).
  bool diff_omitted = false;
  out.key("diff").begin_array();
  if (!link.evidence.cross_language) {
    const WordSequence words_a = words_of(a, link.a), words_b = words_of(b, link.b);
    if (words_a.tokens().size() <= kMaxDiffWords && words_b.tokens().size() <= kMaxDiffWords) {
      const std::vector<DiffRun> runs = diff_words(words_a, words_b);
      const bool identical = runs.size() == 1 && runs.front().op == DiffOp::equal;
      for (const DiffRun& run : runs) {
        if (identical) break;
        out.begin_object().key("op").value(to_string(run.op)).key("text").value(run.text).end_object();
      }
    } else {
      diff_omitted = true;
    }
  }
  out.end_array().key("diff_omitted").value(diff_omitted).end_object();
}

struct SideCounts {
  std::size_t sentences = 0, commitments = 0, kept = 0;
};

void write_counts(JsonWriter& out, const SideCounts& counts, const char* unmatched) {
  out.begin_object()
      .key("sentences").value(counts.sentences)
      .key("commitments").value(counts.commitments)
      .key("kept").value(counts.kept)
      .key(unmatched).value(counts.sentences - counts.kept)
      .end_object();
}

}  // namespace

double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }

void write_commitment_fields(JsonWriter& out, const Commitment& commitment) {
  out.key("actor").value(commitment.actor)
      .key("actor_label").value(commitment.actor_label)
      .key("cue").value(commitment.cue)
      .key("strength").value(to_string(commitment.strength))
      .key("polarity").value(commitment.negated ? "negated" : "affirmed");
}

void write_evidence(JsonWriter& out, const LinkEvidence& evidence, const std::vector<std::string>& shared_stems,
                    const std::vector<std::string>& concepts) {
  out.begin_object()
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

std::string segmentation_report(const AnalyzedDocument& side, const CompiledLexicon& lexicon) {
  JsonWriter out;
  out.begin_object().key("schema").value(kReportSchema).key("language").value(to_string(side.features.language));
  out.key("sentences").begin_array();
  for (std::size_t i = 0; i < side.document.sentences.size(); ++i) write_sentence(out, side, i, lexicon, nullptr, nullptr, nullptr);
  out.end_array().end_object();
  return out.take();
}

std::string comparison_report(const AnalyzedDocument& a, const AnalyzedDocument& b, const Alignment& alignment,
                              const std::vector<CommitmentFate>& fates, const Vocabulary& vocabulary,
                              const CompiledLexicon& lexicon) {
  const std::vector<Link>& links = alignment.links;
  std::vector<SentenceOutcome> outcome_a(a.document.sentences.size()), outcome_b(b.document.sentences.size());
  std::size_t repeated_links = 0;
  for (std::size_t id = 0; id < links.size(); ++id) {
    const int relation = links[id].relation == Relation::repeated ? 1 : 0;
    repeated_links += static_cast<std::size_t>(relation);
    for (std::size_t i : links[id].a) {
      outcome_a[i].links.push_back(id);
      outcome_a[i].relation = std::max(outcome_a[i].relation, relation);
    }
    for (std::size_t j : links[id].b) {
      outcome_b[j].links.push_back(id);
      outcome_b[j].relation = std::max(outcome_b[j].relation, relation);
    }
  }
  // The summary counts A's commitments as repeated, modified or dropped, and B's new ones.
  std::size_t committed_repeated = 0, committed_modified = 0, committed_dropped = 0, committed_new = 0;
  for (const CommitmentFate& fate : fates) {
    if (fate.side == Side::b) {
      committed_new += fate.fate == Fate::added ? 1 : 0;
      continue;
    }
    (fate.fate == Fate::repeated ? committed_repeated : fate.fate == Fate::modified ? committed_modified : committed_dropped) += 1;
  }
  const auto count = [](const AnalyzedDocument& side, const std::vector<SentenceOutcome>& outcomes) {
    SideCounts counts;
    counts.sentences = outcomes.size();
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      counts.kept += outcomes[i].relation >= 0 ? 1 : 0;
      counts.commitments += side.commitments[i] ? 1 : 0;
    }
    return counts;
  };

  JsonWriter out;
  out.begin_object().key("schema").value(kReportSchema);
  out.key("engine").begin_object().key("version").value(READOUT_DIFF_VERSION).end_object();
  const auto write_side = [&](const char* name, const AnalyzedDocument& side, const std::vector<SentenceOutcome>& outcomes,
                              const std::vector<std::vector<NearMiss>>& near, const char* unmatched) {
    out.key(name).begin_object().key("language").value(to_string(side.features.language));
    out.key("sentences").begin_array();
    for (std::size_t i = 0; i < outcomes.size(); ++i) write_sentence(out, side, i, lexicon, &outcomes[i], &near[i], unmatched);
    out.end_array().end_object();
  };
  write_side("a", a, outcome_a, alignment.near_a, "dropped");
  write_side("b", b, outcome_b, alignment.near_b, "new");
  out.key("links").begin_array();
  for (std::size_t id = 0; id < links.size(); ++id) write_link(out, id, links[id], a, b, vocabulary, lexicon);
  out.end_array();
  out.key("commitments").begin_array();
  for (const CommitmentFate& fate : fates) {
    out.begin_object()
        .key("side").value(fate.side == Side::a ? "a" : "b")
        .key("sentence").value(fate.sentence)
        .key("fate").value(to_string(fate.fate))
        .key("counterparts").array_of(fate.counterparts)
        .key("changes").array_of(fate.changes)
        .end_object();
  }
  out.end_array();
  out.key("summary").begin_object();
  out.key("a");
  write_counts(out, count(a, outcome_a), "dropped");
  out.key("b");
  write_counts(out, count(b, outcome_b), "new");
  out.key("links").begin_object()
      .key("repeated").value(repeated_links)
      .key("modified").value(links.size() - repeated_links)
      .end_object();
  out.key("commitments").begin_object()
      .key("repeated").value(committed_repeated)
      .key("modified").value(committed_modified)
      .key("new").value(committed_new)
      .key("dropped").value(committed_dropped)
      .end_object();
  out.end_object().end_object();
  return out.take();
}

}  // namespace readout_diff
