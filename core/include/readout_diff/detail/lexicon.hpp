#pragma once
// The bilingual domain lexicon (core/data/lexicon.json, documented in docs/lexicon.md) and the
// stopword lists (core/data/stopwords.json): data an analyst can extend without touching code.
#include "readout_diff/detail/dictionary.hpp"
#include <string>
#include <string_view>
#include <vector>

#include "readout_diff/result.hpp"

namespace readout_diff {

enum class CommitmentStrength { agreed, obligation, undertaking, emphasis };
const char* to_string(CommitmentStrength strength);

struct LexiconEntry {
  std::string id;                  // concept or actor id; for cues, the cue itself
  std::string label;               // what a reader sees
  std::vector<std::string> terms;  // surface phrases, English and Hindi together
  CommitmentStrength strength = CommitmentStrength::agreed;  // cues only
  // Cues only: the cue stresses what follows ("emphasised that …", "reaffirmed …") rather than
  // committing by itself; it commits when the clause it governs names a party.
  bool asserts = false;
};

struct Lexicon {
  std::vector<LexiconEntry> concepts;
  std::vector<LexiconEntry> commitment_cues;
  std::vector<LexiconEntry> actors;
  std::vector<LexiconEntry> reporting_verbs;  // "said", "कहा": who speaks is who commits
  std::vector<std::string> stopwords;
  std::vector<Translation> translations;  // English–Hindi senses from the bilingual dictionary
  // The lexicon's own "translations": frequent domain words the dictionary lacks or gives too many
  // senses to keep (a Hindi word's translations here are kept whatever the dictionary has).
  std::vector<Translation> domain_translations;
};

// Parses and validates both files; an error names the file and the entry at fault. The lexicon
// compiler (tools/lexicon-compiler) runs it at build time: the engine itself only loads the
// compiled form (builtin_lexicon.hpp).
Result<Lexicon> parse_lexicon(std::string_view lexicon_json, std::string_view stopwords_json);

}  // namespace readout_diff
