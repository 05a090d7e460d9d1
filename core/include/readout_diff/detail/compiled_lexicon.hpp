#pragma once
// The compiled lexicon, and as bytes: written at build time by tools/lexicon-compiler, embedded in
// the engine and read once per process (builtin_lexicon.hpp).
//
// Format version 3, the same bytes on every platform. Every number is an unsigned LEB128 varint;
// a list of strings is all their byte counts, then all their bytes (gzip, and so the page that
// carries the engine, compresses text and numbers better apart).
//   header       "RDLX" (as a byte count and bytes), the format version
//   entries      for concepts, commitment cues, actors and reporting verbs: count; ids; labels (per entry 0 when
//                it is the id, else its byte count + 1; then the bytes of those labels);
//                strengths (0 agreed, 1 obligation, 2 undertaking, 3 emphasis; plus 4 for a cue
//                that asserts)
//   vocabulary   count; texts in id order
//   stopwords    count; the flagged word ids, ascending, each as the gap from the one before
//   word cache   count; word ids (ascending, as gaps); stems (as distances from the word's id);
//                surfaces (per word 0 when it is the word's own text, else its byte count + 1;
//                then the bytes of those surfaces)
//   phrases      for concepts, commitment cues, actors and reporting verbs: count; entries (each as the gap from
//                the one before); stem counts; stems (coded as distances, see stem_code)
//   translations count and texts of the English stems; count and texts of the Hindi stems; per
//                Hindi stem its number of English stems, then those as gaps between indices
// Written and read in this order, so ids, matches and reports are exactly those of a lexicon
// compiled in the process (tests/native/lexicon_test.cpp checks it).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readout_diff/detail/lexicon.hpp"
#include "readout_diff/detail/phrase_index.hpp"
#include "readout_diff/result.hpp"
#include "readout_diff/detail/vocabulary.hpp"
#include "readout_diff/detail/word_cache.hpp"

namespace readout_diff {

// The lexicon as the analyzer uses it: its stopwords and phrases tokenised, normalised and
// stemmed (compile_lexicon, lexicon_compiler.hpp), kept with what reports need of its entries. It is compiled at
// build time (tools/lexicon-compiler, file format in compiled_lexicon.hpp), loaded once per
// process (builtin_lexicon.hpp) and shared by every Analyzer, so a comparison does not pay for it.
struct CompiledLexicon {
  struct Entry {
    std::string id;     // concept or actor id; for cues, the cue itself
    std::string label;  // what a reader sees
    CommitmentStrength strength = CommitmentStrength::agreed;  // cues only
    bool asserts = false;                                      // cues only: see LexiconEntry
  };
  // In the lexicon file's order: PhraseMatch::entry indexes these.
  std::vector<Entry> concepts;
  std::vector<Entry> commitment_cues;
  std::vector<Entry> actors;
  std::vector<Entry> reporting_verbs;
  // The stopwords' and the phrases' words and stems, with ids from 0: the base of every
  // comparison's vocabulary.
  std::shared_ptr<const Vocabulary> vocabulary;
  WordCache words;                   // the phrases' surface forms, so comparisons need not redo them
  std::vector<bool> stopword_words;  // by word id
  PhraseIndex concept_phrases;
  PhraseIndex cue_phrases;
  PhraseIndex actor_phrases;
  PhraseIndex reporting_phrases;
  // Texts as one string of their bytes and where each ends: the dictionary's tens of thousands of
  // stems in two allocations, not one each (building them one by one was most of what the engine
  // does before its first comparison, and most of the page's wait for its first result).
  class TextColumn {
   public:
    TextColumn() = default;
    explicit TextColumn(const std::vector<std::string>& texts);
    // `bytes` holds the texts end to end, `sizes` their byte counts (which add up to its size).
    TextColumn(std::string bytes, const std::vector<std::uint32_t>& sizes);
    std::size_t size() const { return ends_.size(); }
    std::string_view operator[](std::size_t i) const {
      const std::uint32_t start = i == 0 ? 0 : ends_[i - 1];
      return std::string_view(bytes_).substr(start, ends_[i] - start);
    }
    // Where `text` is, or would be inserted, in a column sorted by byte value.
    std::size_t lower_bound(std::string_view text) const;
    bool sorted_unique() const;

   private:
    std::string bytes_;
    std::vector<std::uint32_t> ends_;
  };
  // From the bilingual dictionary: Hindi stems and the English stems they translate to, both as
  // text, since a comparison looks them up by the text of its own stems.
  struct Translations {
    TextColumn hindi, english;  // each sorted, unique
    std::vector<std::uint32_t> first;         // hindi[k] translates to english_of[first[k]] up to [first[k + 1])
    std::vector<std::uint32_t> english_of;    // indices into `english`
    // The English stems a Hindi stem translates to, as indices into `english` (none: an empty range).
    std::pair<const std::uint32_t*, const std::uint32_t*> of(std::string_view hindi_stem) const;
  } translations;
};

constexpr unsigned kCompiledLexiconFormat = 3;

std::string write_compiled_lexicon(const CompiledLexicon& lexicon);

// Checks every count, id and index against the bytes: damaged or other-version bytes give an
// "internal" error, never a read past the end.
Result<CompiledLexicon> read_compiled_lexicon(std::string_view bytes);

}  // namespace readout_diff
