#include "readout_diff/detail/accounting.hpp"

#include <algorithm>
#include <cstring>

namespace readout_diff {
namespace {

bool has(const std::vector<const char*>& changes, const char* change) {
  return std::any_of(changes.begin(), changes.end(), [&](const char* c) { return std::strcmp(c, change) == 0; });
}

void add_change(std::vector<const char*>& changes, const char* change) {
  if (!has(changes, change)) changes.push_back(change);
}

// One side's commitments against the other side's, through the links.
void account_side(Side side, const AnalyzedDocument& own, const AnalyzedDocument& other, const std::vector<Link>& links,
                  std::vector<CommitmentFate>& out) {
  std::vector<std::vector<const Link*>> links_of(own.commitments.size());  // per sentence of this side
  for (const Link& link : links) {
    for (std::size_t i : side == Side::a ? link.a : link.b) links_of[i].push_back(&link);
  }
  for (std::size_t i = 0; i < own.commitments.size(); ++i) {
    const auto& commitment = own.commitments[i];
    if (!commitment) continue;
    CommitmentFate fate;
    fate.side = side;
    fate.sentence = i;
    std::vector<std::size_t> committing, silent;
    bool all_repeated = true, numbers_changed = false;
    for (const Link* linked : links_of[i]) {
      const Link& link = *linked;
      const std::vector<std::size_t>& theirs = side == Side::a ? link.b : link.a;
      bool link_commits = false;
      for (std::size_t j : theirs) {
        if (other.commitments[j]) {
          committing.push_back(j);
          link_commits = true;
        } else {
          silent.push_back(j);
        }
      }
      if (!link_commits) continue;
      all_repeated = all_repeated && link.relation == Relation::repeated;
      numbers_changed = numbers_changed || has(link.evidence.changes, "numbers");
    }
    const auto sorted_unique = [](std::vector<std::size_t>& v) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    sorted_unique(committing);
    sorted_unique(silent);
    if (committing.empty()) {
      fate.fate = side == Side::a ? Fate::dropped : Fate::added;
      fate.counterparts = std::move(silent);
    } else {
      const Commitment& counterpart = *other.commitments[committing.front()];
      if (counterpart.negated != commitment->negated) add_change(fate.changes, "polarity");
      if (counterpart.actor != commitment->actor && counterpart.actor != kUnknownActor && commitment->actor != kUnknownActor) {
        add_change(fate.changes, "actor");
      }
      if (counterpart.strength != commitment->strength) add_change(fate.changes, "strength");
      if (numbers_changed) add_change(fate.changes, "numbers");
      // Restatements word commitments differently ("agreed that … should" / "agreed to"), so a
      // change of strength alone leaves a repeated link repeated; a turned-round cue or another
      // party does not.
      const bool substance = has(fate.changes, "polarity") || has(fate.changes, "actor");
      fate.fate = all_repeated && !substance ? Fate::repeated : Fate::modified;
      fate.counterparts = std::move(committing);
    }
    out.push_back(std::move(fate));
  }
}

}  // namespace

const char* to_string(Fate fate) {
  switch (fate) {
    case Fate::repeated: return "repeated";
    case Fate::modified: return "modified";
    case Fate::dropped: return "dropped";
    case Fate::added: return "new";
  }
  return "?";
}

std::vector<CommitmentFate> account_commitments(const AnalyzedDocument& a, const AnalyzedDocument& b, const std::vector<Link>& links) {
  std::vector<CommitmentFate> fates;
  account_side(Side::a, a, b, links, fates);
  account_side(Side::b, b, a, links, fates);
  return fates;
}

}  // namespace readout_diff
