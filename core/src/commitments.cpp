#include "readout_diff/detail/commitments.hpp"

#include <set>

#include "negation.hpp"

namespace readout_diff {
namespace {

// A negation this many words before a cue ("did not agree") or after it ("सहमत नहीं हुए")
// turns it round.
constexpr std::size_t kNegationReach = 2;
// A speaker named after the cue is the one named at most this many words before its reporting verb
// ("…, Wang said", "…, Wang also said").
constexpr std::size_t kSpeakerReach = 1;

bool negated(const SentenceFeatures& features, const PhraseMatch& cue, const Vocabulary& vocabulary) {
  const std::size_t from = cue.first_token > kNegationReach ? cue.first_token - kNegationReach : 0;
  const std::size_t to = std::min(features.tokens.size(), cue.end_token + kNegationReach);
  for (std::size_t t = from; t < to; ++t) {
    if (is_negation(vocabulary.text(features.tokens[t].word))) return true;
  }
  return false;
}

bool names_a_party_after(const SentenceFeatures& features, const PhraseMatch& cue) {
  for (const PhraseMatch& mention : features.actors) {
    if (mention.first_token >= cue.end_token) return true;
  }
  return false;
}

// The cue that commits: the first that commits by itself, else the first asserting one ("emphasised
// that …") whose clause names a party ("… that the two sides work towards …"); none when every
// cue only stresses a statement of fact ("emphasised that peace has been the foundation …").
const PhraseMatch* governing_cue(const SentenceFeatures& features, const CompiledLexicon& lexicon) {
  for (const PhraseMatch& cue : features.cues) {
    if (!lexicon.commitment_cues[cue.entry].asserts) return &cue;
  }
  for (const PhraseMatch& cue : features.cues) {
    if (names_a_party_after(features, cue)) return &cue;
  }
  return nullptr;
}

// Reported speech: "Wang said the two countries should …" and "… should …, Wang said." are China's
// call whoever the clause names. The speaker is the party named last before a reporting verb that
// precedes the cue, or named just before one that follows it.
const CompiledLexicon::Entry* speaker_of(const SentenceFeatures& features, const PhraseMatch& cue,
                                         const CompiledLexicon& lexicon) {
  const CompiledLexicon::Entry* speaker = nullptr;
  for (const PhraseMatch& report : features.reports) {
    if (report.end_token > cue.first_token) break;
    for (const PhraseMatch& mention : features.actors) {
      if (mention.end_token <= report.first_token) speaker = &lexicon.actors[mention.entry];
    }
  }
  if (speaker != nullptr) return speaker;
  for (const PhraseMatch& report : features.reports) {
    if (report.first_token < cue.end_token) continue;
    for (const PhraseMatch& mention : features.actors) {
      if (mention.first_token >= cue.end_token && mention.end_token <= report.first_token &&
          report.first_token - mention.end_token <= kSpeakerReach) {
        speaker = &lexicon.actors[mention.entry];
      }
    }
    if (speaker != nullptr) return speaker;
  }
  return nullptr;
}

// Both sides if the sentence names both together, or names two parties before the cue ("Wang and
// Rubio agreed"); otherwise the last party named before the cue (the subject), else the first after it.
const CompiledLexicon::Entry* party_named(const SentenceFeatures& features, const PhraseMatch& cue,
                                          const CompiledLexicon& lexicon) {
  const CompiledLexicon::Entry* actor = nullptr;
  std::set<std::string> parties_before;
  for (const PhraseMatch& mention : features.actors) {
    const CompiledLexicon::Entry& entry = lexicon.actors[mention.entry];
    if (entry.id == kBothSidesActor) return &entry;
    if (mention.first_token < cue.first_token) parties_before.insert(entry.id);
    if (mention.first_token < cue.first_token || actor == nullptr) actor = &entry;
  }
  if (parties_before.size() >= 2) {
    for (const CompiledLexicon::Entry& entry : lexicon.actors) {
      if (entry.id == kBothSidesActor) return &entry;
    }
  }
  return actor;
}

}  // namespace

std::optional<Commitment> detect_commitment(const Sentence& sentence, const SentenceFeatures& features,
                                            const CompiledLexicon& lexicon, const Vocabulary& vocabulary,
                                            const std::optional<Commitment>& previous) {
  // Headings and sign-offs commit nobody. (A lead-in such as "… and agreed as follows:" does: it
  // states that the parties agreed, and readers label it so.)
  if (sentence.kind != SentenceKind::body) return std::nullopt;
  const PhraseMatch* governing = governing_cue(features, lexicon);
  if (governing == nullptr) return std::nullopt;
  const PhraseMatch& cue = *governing;
  Commitment commitment;
  commitment.strength = lexicon.commitment_cues[cue.entry].strength;
  commitment.negated = negated(features, cue, vocabulary);
  commitment.cue_start = features.tokens[cue.first_token].start;
  commitment.cue_end = features.tokens[cue.end_token - 1].end;
  commitment.cue = std::string(sentence.text.substr(commitment.cue_start - sentence.start,
                                                    commitment.cue_end - commitment.cue_start));

  // Who: for a call, an obligation or an undertaking in reported speech, the speaker (a reported
  // agreement, "the minister said both sides had agreed …", stays the parties'); else the party the
  // clause names; else whoever committed in the sentence before ("They also agreed …").
  const CompiledLexicon::Entry* actor =
      commitment.strength == CommitmentStrength::agreed ? nullptr : speaker_of(features, cue, lexicon);
  if (actor == nullptr) actor = party_named(features, cue, lexicon);
  if (actor != nullptr) {
    commitment.actor = actor->id;
    commitment.actor_label = actor->label;
  } else if (previous) {
    commitment.actor = previous->actor;
    commitment.actor_label = previous->actor_label;
  } else {
    commitment.actor = kUnknownActor;
    commitment.actor_label = kUnknownActorLabel;
  }
  return commitment;
}

}  // namespace readout_diff
