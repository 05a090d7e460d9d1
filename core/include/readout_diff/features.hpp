#pragma once
// Stage 3b, featurise: each sentence becomes word tokens (ICU word break), normalised words,
// Snowball stems, character trigrams, and the lexicon's concepts, commitment cues and actors.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "readout_diff/document.hpp"
#include "readout_diff/lexicon.hpp"
#include "readout_diff/normalizer.hpp"

namespace readout_diff {

// Interned strings: ids are given in first-seen order, so the same inputs give the same ids.
// A vocabulary may extend a frozen base (the compiled lexicon's words): the base keeps its ids
// and new words are numbered after it.
class Vocabulary {
 public:
  explicit Vocabulary(std::shared_ptr<const Vocabulary> base = nullptr);
  std::uint32_t intern(const std::string& text);
  std::optional<std::uint32_t> find(const std::string& text) const;
  void reserve(std::size_t words);  // room for this many words of its own, without rehashing
  const std::string& text(std::uint32_t id) const {
    return id < offset_ ? base_->text(id) : texts_[id - offset_];
  }
  std::size_t size() const { return offset_ + texts_.size(); }

 private:
  std::shared_ptr<const Vocabulary> base_;
  std::uint32_t offset_ = 0;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> texts_;
};

enum class Script { latin, devanagari, other };

struct Token {
  std::size_t start = 0;  // byte span in the document
  std::size_t end = 0;
  std::uint32_t word = 0;  // normalised form, in the Vocabulary
  std::uint32_t stem = 0;  // Snowball stem of the normalised form, in the Vocabulary
  bool stopword = false;
  bool number = false;
  Script script = Script::other;
};

struct PhraseMatch {
  std::uint32_t entry = 0;  // index into the lexicon section that matched
  std::size_t first_token = 0;
  std::size_t end_token = 0;  // exclusive
};

enum class Language { en, hi, mixed };
const char* to_string(Language language);

struct SentenceFeatures {
  std::vector<Token> tokens;
  std::vector<std::uint32_t> content_stems;  // sorted, unique: stems of content words and numbers
  std::vector<std::uint32_t> trigrams;       // sorted, unique: hashed character trigrams of content words
  std::vector<std::uint32_t> concepts;       // sorted, unique: lexicon concept indices
  std::vector<std::uint32_t> names;          // sorted, unique: stems of capitalised Latin words past the first
  std::vector<PhraseMatch> cues;             // commitment cues, in text order
  std::vector<PhraseMatch> actors;           // actor mentions, in text order
  std::vector<PhraseMatch> reports;          // reporting verbs ("said"), in text order
  Language language = Language::en;
};

struct DocumentFeatures {
  std::vector<SentenceFeatures> sentences;
  Language language = Language::en;
};

// Lexicon phrases as stem sequences, for leftmost-longest matching. Flat arrays rather than a
// list per first stem: loading the compiled lexicon then takes a few allocations, not thousands.
class PhraseIndex {
 public:
  struct Phrase {
    std::uint32_t first_stem;
    std::uint32_t entry;   // index into the lexicon section
    std::uint32_t offset;  // where its stems start in the index's stem array
    std::uint32_t length;  // how many stems
  };

  void add(const std::vector<std::uint32_t>& stems, std::uint32_t entry);  // a phrase without words is ignored
  void finish();  // orders the phrases for match(); call once, after the last add()
  // Leftmost-longest, non-overlapping matches.
  std::vector<PhraseMatch> match(const std::vector<Token>& tokens) const;

  // After finish(), the order match() tries them in: by first stem, then longest first, then as added.
  const std::vector<Phrase>& phrases() const { return phrases_; }
  std::vector<std::uint32_t> stems_of(const Phrase& phrase) const;

 private:
  std::vector<std::uint32_t> stems_;
  std::vector<Phrase> phrases_;
  std::vector<std::uint32_t> by_first_stem_;  // phrases_ from [s] to [s + 1] start with stem s
};

// A surface form already normalised and stemmed, by its text.
struct CachedWord {
  std::uint32_t word, stem;
  bool stopword;
};
using WordCache = std::unordered_map<std::string, CachedWord>;

// The lexicon as the analyzer uses it: its stopwords and phrases tokenised, normalised and
// stemmed (Analyzer::compile), kept with what reports need of its entries. It is compiled at
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
  // From the bilingual dictionary: Hindi stems and the English stems they translate to, both as
  // text, since a comparison looks them up by the text of its own stems.
  struct Translations {
    std::vector<std::string> hindi, english;  // each sorted, unique
    std::vector<std::uint32_t> first;         // hindi[k] translates to english_of[first[k]] up to [first[k + 1])
    std::vector<std::uint32_t> english_of;    // indices into `english`
    // The English stems a Hindi stem translates to, as indices into `english` (none: an empty range).
    std::pair<const std::uint32_t*, const std::uint32_t*> of(std::string_view hindi_stem) const;
  } translations;
};

// Text to words: ICU's word break, the normaliser and the stemmers. Building one loads ICU's word
// rules, so the engine builds one per thread (pipeline.cpp) and every Analyzer borrows it. Not
// thread-safe.
class Tokenizer {
 public:
  static Result<std::unique_ptr<Tokenizer>> create();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  struct Word {
    std::size_t start = 0, end = 0;  // byte span in the text given
    bool number = false;
  };
  // The words of `text`, in order, without the spaces and punctuation between them.
  std::vector<Word> words(std::string_view text);
  std::string normalize(std::string_view word) const { return normalizer_.normalize(word); }
  std::string stem(std::string_view normalized_word) { return stemmer_.stem(normalized_word); }

 private:
  struct Icu;
  Tokenizer(std::unique_ptr<Icu> icu, WordNormalizer normalizer);
  std::unique_ptr<Icu> icu_;
  WordNormalizer normalizer_;
  Stemmer stemmer_;
};

// One per comparison: it keeps the words of both documents in one vocabulary, on top of the
// compiled lexicon's. Cheap to make: the costly parts are the tokenizer's.
class Analyzer {
 public:
  // Both must outlive the analyzer (the engine's lexicon is built in and lives as long as the
  // process; its tokenizers as long as their thread).
  Analyzer(const CompiledLexicon& lexicon, Tokenizer& tokenizer);
  // Runs every stopword and lexicon phrase through the same word break, normalisation and
  // stemming as the readouts, so phrases match by stem.
  static Result<CompiledLexicon> compile(const Lexicon& lexicon);
  // A Hindi word the dictionary gives more English headwords than this for is a function word
  // or a light verb ("करना" 1,665, "रखना" 104): it says nothing about a sentence. Content words
  // stay under it ("सीमा" 27: border, limit, frontier…; "क्षेत्र" 33).
  static constexpr std::size_t kMaxTranslationsPerWord = 40;

  DocumentFeatures analyze(const Document& document);
  const Vocabulary& vocabulary() const { return vocabulary_; }
  const CompiledLexicon& lexicon() const { return *lexicon_; }

 private:
  Analyzer(const CompiledLexicon* lexicon, Tokenizer& tokenizer);
  std::vector<Token> tokenize(std::string_view text, std::size_t offset);
  static Result<CompiledLexicon::Translations> compile_translations(const std::vector<Translation>& senses,
                                                                    const CompiledLexicon& compiled, Tokenizer& tokenizer);

  const CompiledLexicon* lexicon_;  // null only while compiling one
  Tokenizer& tokenizer_;
  Vocabulary vocabulary_;
  WordCache word_cache_;
  std::vector<bool> stopword_words_;  // by word id; filled while compiling
};

}  // namespace readout_diff
