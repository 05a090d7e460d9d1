#include "readout_diff/detail/comparison.hpp"

#include <utility>

namespace readout_diff {
namespace {

WordSequence words_of(const AnalyzedDocument& side, const std::vector<std::size_t>& sentences) {
  WordSequence words(side.document.bytes);
  for (std::size_t index : sentences) words.add_sentence(side.features.sentences[index].tokens);
  return words;
}

LinkDiff diff_of(const Link& link, const AnalyzedDocument& a, const AnalyzedDocument& b) {
  LinkDiff diff;
  if (link.evidence.cross_language) return diff;  // a word diff only within one language
  const WordSequence words_a = words_of(a, link.a), words_b = words_of(b, link.b);
  if (words_a.tokens().size() > kMaxDiffWords || words_b.tokens().size() > kMaxDiffWords) {
    diff.omitted = true;
    return diff;
  }
  diff.runs = diff_words(words_a, words_b);
  if (diff.runs.size() == 1 && diff.runs.front().op == DiffOp::equal) diff.runs.clear();
  return diff;
}

void add_link(std::vector<SentenceOutcome>& outcomes, const std::vector<std::size_t>& sentences, std::size_t id,
              Relation relation) {
  for (std::size_t i : sentences) {
    SentenceOutcome& outcome = outcomes[i];
    outcome.links.push_back(id);
    if (!outcome.relation || relation == Relation::repeated) outcome.relation = relation;
  }
}

std::vector<ClassifiedSentence> classified_sentences(const AnalyzedDocument& side) {
  std::vector<ClassifiedSentence> sentences;
  sentences.reserve(side.document.sentences.size());
  for (std::size_t i = 0; i < side.document.sentences.size(); ++i) {
    const SentenceFeatures& features = side.features.sentences[i];
    sentences.push_back(ClassifiedSentence{side.document.sentences[i], features.language, features.concepts, side.commitments[i]});
  }
  return sentences;
}

SideSummary summary_of(const ComparedSide& side) {
  SideSummary summary;
  summary.sentences = side.outcomes.size();
  for (std::size_t i = 0; i < side.outcomes.size(); ++i) {
    summary.kept += side.outcomes[i].relation ? 1 : 0;
    summary.commitments += side.sentences[i].commitment ? 1 : 0;
  }
  summary.unmatched = summary.sentences - summary.kept;
  return summary;
}

}  // namespace

Segmentation segmentation_of(const AnalyzedDocument& side, const CompiledLexicon& lexicon) {
  return Segmentation{side.features.language, classified_sentences(side), &lexicon};
}

Comparison assemble_comparison(const AnalyzedDocument& a, const AnalyzedDocument& b, Alignment alignment,
                               std::vector<CommitmentFate> fates, const Vocabulary& vocabulary,
                               const CompiledLexicon& lexicon) {
  Comparison comparison;
  comparison.lexicon = &lexicon;
  comparison.a.outcomes.resize(a.document.sentences.size());
  comparison.b.outcomes.resize(b.document.sentences.size());
  for (std::size_t i = 0; i < comparison.a.outcomes.size(); ++i) {
    comparison.a.outcomes[i].possible_counterparts = std::move(alignment.near_a[i]);
  }
  for (std::size_t j = 0; j < comparison.b.outcomes.size(); ++j) {
    comparison.b.outcomes[j].possible_counterparts = std::move(alignment.near_b[j]);
  }
  ComparisonSummary& summary = comparison.summary;
  for (std::size_t id = 0; id < alignment.links.size(); ++id) {
    Link& link = alignment.links[id];
    add_link(comparison.a.outcomes, link.a, id, link.relation);
    add_link(comparison.b.outcomes, link.b, id, link.relation);
    (link.relation == Relation::repeated ? summary.repeated_links : summary.modified_links) += 1;
    ComparedLink compared;
    for (auto stem : link.evidence.shared_stems) compared.shared_stems.push_back(vocabulary.text(stem));
    for (auto concept_index : link.evidence.concepts) compared.concepts.push_back(lexicon.concepts[concept_index].id);
    compared.diff = diff_of(link, a, b);
    compared.link = std::move(link);
    comparison.links.push_back(std::move(compared));
  }
  for (const CommitmentFate& fate : fates) {
    if (fate.side == Side::b) {
      summary.commitments_new += fate.fate == Fate::added ? 1 : 0;
      continue;
    }
    (fate.fate == Fate::repeated   ? summary.commitments_repeated
     : fate.fate == Fate::modified ? summary.commitments_modified
                                   : summary.commitments_dropped) += 1;
  }
  comparison.commitments = std::move(fates);
  comparison.a.language = a.features.language;
  comparison.a.sentences = classified_sentences(a);
  comparison.b.language = b.features.language;
  comparison.b.sentences = classified_sentences(b);
  summary.a = summary_of(comparison.a);
  summary.b = summary_of(comparison.b);
  return comparison;
}

}  // namespace readout_diff
