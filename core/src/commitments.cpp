#include "readout_diff/commitments.hpp"

namespace readout_diff {
namespace {

constexpr const char* kBothSides = "both";

bool ends_with_colon(std::string_view text) { return !text.empty() && text.back() == ':'; }

}  // namespace

std::optional<Commitment> detect_commitment(const Sentence& sentence, const SentenceFeatures& features,
                                            const CompiledLexicon& lexicon, const std::optional<Commitment>& previous) {
  // Headings and sign-offs commit nobody; a sentence ending in a colon only announces the
  // points that follow ("… and agreed as follows:"), which are the commitments themselves.
  if (sentence.kind != SentenceKind::body || features.cues.empty() || ends_with_colon(sentence.text)) {
    return std::nullopt;
  }
  const PhraseMatch& cue = features.cues.front();
  Commitment commitment;
  commitment.strength = lexicon.commitment_cues[cue.entry].strength;
  commitment.cue_start = features.tokens[cue.first_token].start;
  commitment.cue_end = features.tokens[cue.end_token - 1].end;
  commitment.cue = std::string(sentence.text.substr(commitment.cue_start - sentence.start,
                                                    commitment.cue_end - commitment.cue_start));

  // Who: both sides if the sentence names both anywhere; otherwise the last actor named before
  // the cue (the subject), else the first after it; else whoever committed in the sentence before.
  const CompiledLexicon::Entry* actor = nullptr;
  for (const PhraseMatch& mention : features.actors) {
    const CompiledLexicon::Entry& entry = lexicon.actors[mention.entry];
    if (entry.id == kBothSides) {
      actor = &entry;
      break;
    }
    if (mention.first_token < cue.first_token || actor == nullptr) actor = &entry;
  }
  if (actor != nullptr) {
    commitment.actor = actor->id;
    commitment.actor_label = actor->label;
  } else if (previous) {
    commitment.actor = previous->actor;
    commitment.actor_label = previous->actor_label;
  } else {
    commitment.actor = "unknown";
    commitment.actor_label = "not named";
  }
  return commitment;
}

}  // namespace readout_diff
