#include "readout_diff/detail/review.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace readout_diff {
namespace {

using Sentences = std::vector<std::size_t>;
using LinkKey = std::pair<Sentences, Sentences>;

// Why a decision's sentences cannot be the ones it was made on, or "" when they can.
std::string misplaced(const char* side, const Sentences& ids, const std::optional<std::vector<std::string>>& texts,
                      const AnalyzedDocument& document) {
  const auto& sentences = document.document.sentences;
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (ids[k] >= sentences.size()) {
      return std::string("readout ") + side + " has no sentence " + std::to_string(ids[k]) + " (its sentences are 0 to " +
             std::to_string(sentences.size() - 1) + ")";
    }
    if (texts && sentences[ids[k]].text != (*texts)[k]) {
      return std::string("sentence ") + std::to_string(ids[k]) + " of readout " + side + " is no longer the text decided on";
    }
  }
  return {};
}

}  // namespace

const char* to_string(ReviewAction action) {
  switch (action) {
    case ReviewAction::accept: return "accept";
    case ReviewAction::reject: return "reject";
    case ReviewAction::relation: return "relation";
    case ReviewAction::link: return "link";
  }
  return "?";
}

std::vector<ReviewOutcome> apply_review(const AnalyzedDocument& a, const AnalyzedDocument& b, const Vocabulary& vocabulary,
                                        const CompiledLexicon& lexicon, const AlignOptions& options,
                                        const std::vector<ReviewDecision>& decisions, Alignment& alignment) {
  std::vector<ReviewOutcome> outcomes;
  outcomes.reserve(decisions.size());
  std::vector<LinkSentences> by_hand;
  for (const ReviewDecision& decision : decisions) {
    std::string reason = misplaced("A", decision.a, decision.a_text, a);
    if (reason.empty()) reason = misplaced("B", decision.b, decision.b_text, b);
    if (reason.empty() && decision.action == ReviewAction::link) by_hand.push_back({decision.a, decision.b});
    outcomes.push_back(ReviewOutcome{decision, false, std::move(reason)});
  }
  // Every link by hand is measured at once: measuring reads both documents whole.
  std::vector<Link> measured = measure_links(a, b, vocabulary, lexicon, options, by_hand);
  std::size_t next_measured = 0;

  // Links are looked up by their sentences; a removed one is kept until the end, marked.
  std::vector<Link>& links = alignment.links;
  std::vector<bool> removed(links.size(), false);
  std::map<LinkKey, std::size_t> index_of;
  for (std::size_t k = 0; k < links.size(); ++k) index_of.emplace(LinkKey{links[k].a, links[k].b}, k);
  for (ReviewOutcome& outcome : outcomes) {
    if (!outcome.reason.empty()) continue;
    const ReviewDecision& decision = outcome.decision;
    const auto found = index_of.find(LinkKey{decision.a, decision.b});
    if (decision.action == ReviewAction::link) {
      Link link = std::move(measured[next_measured++]);
      if (found != index_of.end()) {
        outcome.reason = "these sentences are linked already";
        continue;
      }
      link.relation = *decision.relation;
      link.by_analyst = true;
      index_of.emplace(LinkKey{link.a, link.b}, links.size());
      links.push_back(std::move(link));
      removed.push_back(false);
    } else if (found == index_of.end()) {
      outcome.reason = "no link joins exactly these sentences";
      continue;
    } else if (decision.action == ReviewAction::reject) {
      removed[found->second] = true;
      index_of.erase(found);
    } else {
      Link& link = links[found->second];
      link.by_analyst = true;
      if (decision.action == ReviewAction::relation) link.relation = *decision.relation;
    }
    outcome.applied = true;
  }

  std::vector<Link> kept;
  kept.reserve(links.size());
  for (std::size_t k = 0; k < links.size(); ++k) {
    if (!removed[k]) kept.push_back(std::move(links[k]));
  }
  std::sort(kept.begin(), kept.end(), in_link_order);
  links = std::move(kept);
  // Near misses are a sentence's when it is left unlinked.
  for (const Link& link : links) {
    for (std::size_t i : link.a) alignment.near_a[i].clear();
    for (std::size_t j : link.b) alignment.near_b[j].clear();
  }
  return outcomes;
}

}  // namespace readout_diff
