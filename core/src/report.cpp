#include "report.hpp"

#include <cmath>

#include "readout_diff/engine.hpp"
#include "readout_diff/word_diff.hpp"

namespace readout_diff {
namespace {

using nlohmann::json;

// Four decimals are all a reader needs, and they keep native and wasm output byte-identical.
double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }

json commitment_json(const std::optional<Commitment>& commitment) {
  if (!commitment) return nullptr;
  return json{{"actor", commitment->actor},
              {"actor_label", commitment->actor_label},
              {"cue", commitment->cue},
              {"strength", to_string(commitment->strength)},
              {"cue_start", commitment->cue_start},
              {"cue_end", commitment->cue_end}};
}

WordSequence words_of(const AnalyzedDocument& side, const std::vector<std::size_t>& sentences) {
  WordSequence words{side.document.bytes, {}};
  for (std::size_t index : sentences) {
    const auto& tokens = side.features.sentences[index].tokens;
    words.tokens.insert(words.tokens.end(), tokens.begin(), tokens.end());
  }
  return words;
}

json link_json(std::size_t id, const Link& link, const AnalyzedDocument& a, const AnalyzedDocument& b,
               const Vocabulary& vocabulary, const Lexicon& lexicon) {
  json evidence{{"stem_overlap", rounded(link.evidence.stem_overlap)},
                {"trigram_overlap", rounded(link.evidence.trigram_overlap)},
                {"concept_overlap", rounded(link.evidence.concept_overlap)},
                {"shared_stems", json::array()},
                {"concepts", json::array()},
                {"changes", json::array()}};
  for (auto stem : link.evidence.shared_stems) evidence["shared_stems"].push_back(vocabulary.text(stem));
  for (auto concept_index : link.evidence.concepts) evidence["concepts"].push_back(lexicon.concepts[concept_index].id);
  for (const char* change : link.evidence.changes) evidence["changes"].push_back(change);

  json diff = json::array();
  bool diff_omitted = false;
  if (!link.evidence.cross_language) {
    const WordSequence words_a = words_of(a, link.a), words_b = words_of(b, link.b);
    if (words_a.tokens.size() <= kMaxDiffWords && words_b.tokens.size() <= kMaxDiffWords) {
      for (const DiffRun& run : diff_words(words_a, words_b)) diff.push_back({{"op", to_string(run.op)}, {"text", run.text}});
    } else {
      diff_omitted = true;
    }
  }
  return json{{"id", id},
              {"a", link.a},
              {"b", link.b},
              {"relation", to_string(link.relation)},
              {"score", rounded(link.score)},
              {"cross_language", link.evidence.cross_language},
              {"evidence", std::move(evidence)},
              {"diff", std::move(diff)},
              {"diff_omitted", diff_omitted}};
}

}  // namespace

json sentences_json(const AnalyzedDocument& side, const Lexicon& lexicon) {
  json sentences = json::array();
  for (std::size_t i = 0; i < side.document.sentences.size(); ++i) {
    const Sentence& s = side.document.sentences[i];
    json concepts = json::array();
    for (auto concept_index : side.features.sentences[i].concepts) concepts.push_back(lexicon.concepts[concept_index].id);
    sentences.push_back(json{{"id", i},
                             {"text", std::string(s.text)},
                             {"start", s.start},
                             {"end", s.end},
                             {"kind", to_string(s.kind)},
                             {"paragraph", s.paragraph},
                             {"language", to_string(side.features.sentences[i].language)},
                             {"concepts", std::move(concepts)},
                             {"commitment", commitment_json(side.commitments[i])}});
  }
  return sentences;
}

json comparison_report(const AnalyzedDocument& a, const AnalyzedDocument& b, const std::vector<Link>& links,
                       const Vocabulary& vocabulary, const Lexicon& lexicon) {
  json report{{"schema", kReportSchema}, {"engine", {{"version", READOUT_DIFF_VERSION}}}};
  json link_list = json::array();
  // Each sentence's links, and its relation: "repeated" if any of its links repeats it.
  std::vector<std::vector<std::size_t>> links_of_a(a.document.sentences.size()), links_of_b(b.document.sentences.size());
  std::vector<int> relation_a(a.document.sentences.size(), -1), relation_b(b.document.sentences.size(), -1);
  json link_counts{{"repeated", 0}, {"modified", 0}};
  for (std::size_t id = 0; id < links.size(); ++id) {
    const Link& link = links[id];
    link_list.push_back(link_json(id, link, a, b, vocabulary, lexicon));
    link_counts[to_string(link.relation)] = link_counts[to_string(link.relation)].get<int>() + 1;
    const int relation = link.relation == Relation::repeated ? 1 : 0;
    for (std::size_t i : link.a) {
      links_of_a[i].push_back(id);
      relation_a[i] = std::max(relation_a[i], relation);
    }
    for (std::size_t j : link.b) {
      links_of_b[j].push_back(id);
      relation_b[j] = std::max(relation_b[j], relation);
    }
  }

  json commitment_counts{{"repeated", 0}, {"modified", 0}, {"new", 0}, {"dropped", 0}};
  const auto side_json = [&](const AnalyzedDocument& side, const std::vector<std::vector<std::size_t>>& links_of,
                             const std::vector<int>& relation, const char* unmatched) {
    json sentences = sentences_json(side, lexicon);
    std::size_t kept = 0, commitments = 0;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const bool is_kept = relation[i] >= 0;
      const char* relation_name = relation[i] == 1 ? "repeated" : "modified";
      sentences[i]["status"] = is_kept ? "kept" : unmatched;
      sentences[i]["relation"] = is_kept ? json(relation_name) : json(nullptr);
      sentences[i]["links"] = links_of[i];
      kept += is_kept ? 1 : 0;
      if (!side.commitments[i]) continue;
      ++commitments;
      // The summary counts A's commitments as repeated, modified or dropped, and B's as new.
      const bool side_a = std::string(unmatched) == "dropped";
      const char* outcome = is_kept ? (side_a ? relation_name : nullptr) : unmatched;
      if (outcome != nullptr) commitment_counts[outcome] = commitment_counts[outcome].get<int>() + 1;
    }
    return json{{"language", to_string(side.features.language)},
                {"sentences", std::move(sentences)},
                {"counts", {{"sentences", side.document.sentences.size()},
                            {"commitments", commitments},
                            {"kept", kept},
                            {unmatched, side.document.sentences.size() - kept}}}};
  };
  report["a"] = side_json(a, links_of_a, relation_a, "dropped");
  report["b"] = side_json(b, links_of_b, relation_b, "new");
  report["links"] = std::move(link_list);
  report["summary"] = json{{"a", report["a"]["counts"]},
                           {"b", report["b"]["counts"]},
                           {"links", std::move(link_counts)},
                           {"commitments", std::move(commitment_counts)}};
  report["a"].erase("counts");
  report["b"].erase("counts");
  return report;
}

}  // namespace readout_diff
