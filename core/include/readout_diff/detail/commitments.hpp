#pragma once
// Stage 4, classify: is a sentence a commitment, who commits, and which words say so.
#include <optional>
#include <string>

#include "readout_diff/detail/document.hpp"
#include "readout_diff/detail/compiled_lexicon.hpp"
#include "readout_diff/detail/features.hpp"
#include "readout_diff/detail/vocabulary.hpp"

namespace readout_diff {

// The actor of a commitment whose sentence, and the one before it, name no party: not a lexicon
// actor, so it can never be mistaken for one.
inline constexpr const char* kUnknownActor = "unknown";
inline constexpr const char* kUnknownActorLabel = "not named";
// The lexicon's actor for the two parties together (core/data/lexicon.json; lexicon_test checks it
// is there): a sentence that names two parties before its cue commits both.
inline constexpr const char* kBothSidesActor = "both";

struct Commitment {
  std::string actor;        // lexicon actor id, or kUnknownActor
  std::string actor_label;  // what a reader sees
  std::string cue;          // the cue as written in the sentence
  CommitmentStrength strength = CommitmentStrength::agreed;
  bool negated = false;  // "did not agree to …": the cue is turned round
  std::size_t cue_start = 0;  // byte span of the cue in the document
  std::size_t cue_end = 0;
};

// `previous` is the commitment of the sentence before, if any: "They also agreed…" carries on
// with the same actor.
std::optional<Commitment> detect_commitment(const Sentence& sentence, const SentenceFeatures& features,
                                            const CompiledLexicon& lexicon, const Vocabulary& vocabulary,
                                            const std::optional<Commitment>& previous);

}  // namespace readout_diff
