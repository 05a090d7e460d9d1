#include "readout_diff/features.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <map>
#include <set>

#include "utf8.hpp"

namespace readout_diff {
namespace {

// A word is Latin-script when it starts with a letter from 'A' up to the end of Latin
// Extended-B (U+0000 to U+024F): the letters English, transliterated names and European
// diacritics use. U+0250 on are IPA, spacing modifiers and combining marks, not a word's start.
constexpr char32_t kLatinLettersEnd = 0x250;

}  // namespace

Vocabulary::Vocabulary(std::shared_ptr<const Vocabulary> base)
    : base_(std::move(base)), offset_(base_ ? static_cast<std::uint32_t>(base_->size()) : 0) {}

std::optional<std::uint32_t> Vocabulary::find(const std::string& text) const {
  if (base_) {
    if (auto id = base_->find(text)) return id;
  }
  const auto it = ids_.find(text);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

void Vocabulary::reserve(std::size_t words) {
  ids_.reserve(words);
  texts_.reserve(words);
}

std::uint32_t Vocabulary::intern(const std::string& text) {
  if (base_) {
    if (auto id = base_->find(text)) return *id;
  }
  const auto [it, inserted] = ids_.try_emplace(text, offset_ + static_cast<std::uint32_t>(texts_.size()));
  if (inserted) texts_.push_back(text);
  return it->second;
}

const char* to_string(Language language) {
  switch (language) {
    case Language::en: return "en";
    case Language::hi: return "hi";
    case Language::mixed: return "mixed";
  }
  return "mixed";
}

struct Tokenizer::Icu {
  std::unique_ptr<icu::BreakIterator> words;
};

void PhraseIndex::add(const std::vector<std::uint32_t>& stems, std::uint32_t entry) {
  if (stems.empty()) return;
  phrases_.push_back(Phrase{stems.front(), entry, static_cast<std::uint32_t>(stems_.size()),
                            static_cast<std::uint32_t>(stems.size())});
  stems_.insert(stems_.end(), stems.begin(), stems.end());
}

void PhraseIndex::finish() {
  std::stable_sort(phrases_.begin(), phrases_.end(), [](const Phrase& x, const Phrase& y) {
    return x.first_stem != y.first_stem ? x.first_stem < y.first_stem : x.length > y.length;
  });
  const std::uint32_t stems = phrases_.empty() ? 0 : phrases_.back().first_stem + 1;
  by_first_stem_.assign(stems + 1, 0);
  for (const Phrase& phrase : phrases_) ++by_first_stem_[phrase.first_stem + 1];
  for (std::uint32_t stem = 0; stem < stems; ++stem) by_first_stem_[stem + 1] += by_first_stem_[stem];
}

std::vector<std::uint32_t> PhraseIndex::stems_of(const Phrase& phrase) const {
  return std::vector<std::uint32_t>(stems_.begin() + phrase.offset, stems_.begin() + phrase.offset + phrase.length);
}

std::vector<PhraseMatch> PhraseIndex::match(const std::vector<Token>& tokens) const {
  std::vector<PhraseMatch> found;
  for (std::size_t i = 0; i < tokens.size();) {
    const std::uint32_t stem = tokens[i].stem;
    const Phrase* best = nullptr;
    if (stem + std::size_t{1} < by_first_stem_.size()) {
      for (std::uint32_t p = by_first_stem_[stem]; p < by_first_stem_[stem + 1]; ++p) {
        const Phrase& phrase = phrases_[p];
        if (i + phrase.length > tokens.size()) continue;
        bool same = true;
        for (std::size_t k = 1; k < phrase.length && same; ++k) same = tokens[i + k].stem == stems_[phrase.offset + k];
        if (same) {
          best = &phrase;
          break;
        }
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    found.push_back(PhraseMatch{best->entry, i, i + best->length});
    i += best->length;
  }
  return found;
}

Tokenizer::Tokenizer(std::unique_ptr<Icu> icu, WordNormalizer normalizer)
    : icu_(std::move(icu)), normalizer_(std::move(normalizer)) {}
Tokenizer::~Tokenizer() = default;

Result<std::unique_ptr<Tokenizer>> Tokenizer::create() {
  UErrorCode status = U_ZERO_ERROR;
  auto icu = std::make_unique<Icu>();
  icu->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    return Error{"internal", std::string("ICU could not create the word iterator: ") + u_errorName(status), std::nullopt};
  }
  auto normalizer = WordNormalizer::create();
  if (!normalizer.ok()) return normalizer.error();
  return std::unique_ptr<Tokenizer>(new Tokenizer(std::move(icu), std::move(normalizer).value()));
}

std::vector<Tokenizer::Word> Tokenizer::words(std::string_view text) {
  std::vector<Word> words;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  icu_->words->setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    return words;
  }
  int32_t previous = icu_->words->first();
  for (int32_t boundary = icu_->words->next(); boundary != icu::BreakIterator::DONE;
       previous = boundary, boundary = icu_->words->next()) {
    const int32_t rule_status = icu_->words->getRuleStatus();
    if (rule_status < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    words.push_back(Word{static_cast<std::size_t>(previous), static_cast<std::size_t>(boundary),
                         rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT});
  }
  utext_close(utext);
  return words;
}

Analyzer::Analyzer(const CompiledLexicon* lexicon, Tokenizer& tokenizer)
    : lexicon_(lexicon), tokenizer_(tokenizer), vocabulary_(lexicon_ ? lexicon_->vocabulary : nullptr) {}

Analyzer::Analyzer(const CompiledLexicon& lexicon, Tokenizer& tokenizer) : Analyzer(&lexicon, tokenizer) {}

// Tokenises the stopwords and every lexicon phrase with an Analyzer that has no lexicon yet, and
// keeps what it learnt (its vocabulary, word cache, stopword flags and phrase indexes).
Result<CompiledLexicon> Analyzer::compile(const Lexicon& lexicon) {
  auto tokenizer = Tokenizer::create();
  if (!tokenizer.ok()) return tokenizer.error();
  Analyzer builder(nullptr, *tokenizer.value());
  for (const std::string& word : lexicon.stopwords) {
    for (const Token& token : builder.tokenize(word, 0)) {
      if (builder.stopword_words_.size() <= token.word) builder.stopword_words_.resize(token.word + 1, false);
      builder.stopword_words_[token.word] = true;
    }
  }
  builder.word_cache_.clear();  // entries cached above predate the stopword flags
  const auto index_of = [&](const std::vector<LexiconEntry>& entries) {
    PhraseIndex index;
    for (std::uint32_t e = 0; e < entries.size(); ++e) {
      for (const std::string& term : entries[e].terms) {
        std::vector<std::uint32_t> stems;
        for (const Token& token : builder.tokenize(term, 0)) stems.push_back(token.stem);
        index.add(stems, e);
      }
    }
    index.finish();
    return index;
  };
  const auto entries_of = [](const std::vector<LexiconEntry>& entries) {
    std::vector<CompiledLexicon::Entry> out;
    for (const LexiconEntry& entry : entries) out.push_back(CompiledLexicon::Entry{entry.id, entry.label, entry.strength, entry.asserts});
    return out;
  };
  CompiledLexicon compiled;
  compiled.concepts = entries_of(lexicon.concepts);
  compiled.commitment_cues = entries_of(lexicon.commitment_cues);
  compiled.actors = entries_of(lexicon.actors);
  compiled.reporting_verbs = entries_of(lexicon.reporting_verbs);
  compiled.concept_phrases = index_of(lexicon.concepts);
  compiled.cue_phrases = index_of(lexicon.commitment_cues);
  compiled.actor_phrases = index_of(lexicon.actors);
  compiled.reporting_phrases = index_of(lexicon.reporting_verbs);
  compiled.stopword_words = std::move(builder.stopword_words_);
  compiled.words = std::move(builder.word_cache_);
  compiled.vocabulary = std::make_shared<const Vocabulary>(std::move(builder.vocabulary_));
  auto translations = compile_translations(lexicon.translations, compiled, *tokenizer.value());
  if (!translations.ok()) return translations.error();
  compiled.translations = std::move(translations).value();
  return compiled;
}

std::pair<const std::uint32_t*, const std::uint32_t*> CompiledLexicon::Translations::of(std::string_view hindi_stem) const {
  const auto it = std::lower_bound(hindi.begin(), hindi.end(), hindi_stem);
  if (it == hindi.end() || *it != hindi_stem) return {nullptr, nullptr};
  const auto k = static_cast<std::size_t>(it - hindi.begin());
  return {english_of.data() + first[k], english_of.data() + first[k + 1]};
}

Result<CompiledLexicon::Translations> Analyzer::compile_translations(const std::vector<Translation>& senses,
                                                                     const CompiledLexicon& compiled, Tokenizer& tokenizer) {
  // Read with an analyzer of the lexicon just compiled, so the dictionary's words are stemmed and
  // told from stopwords exactly as a readout's, without entering the lexicon's own vocabulary.
  Analyzer reader(&compiled, tokenizer);
  const auto content_stems = [&](const std::string& text, Script script) {
    std::vector<std::string> stems;
    for (const Token& token : reader.tokenize(text, 0)) {
      if (!token.stopword && !token.number && token.script == script) stems.push_back(reader.vocabulary_.text(token.stem));
    }
    return stems;
  };
  std::map<std::string, std::set<std::string>> english_of_hindi;
  for (const Translation& sense : senses) {
    const std::vector<std::string> english = content_stems(sense.english, Script::latin);
    if (english.size() != 1) continue;
    for (std::string& hindi : content_stems(sense.hindi, Script::devanagari)) english_of_hindi[std::move(hindi)].insert(english.front());
  }
  CompiledLexicon::Translations table;
  std::set<std::string> english;
  for (const auto& [hindi, targets] : english_of_hindi) {
    if (targets.size() <= kMaxTranslationsPerWord) english.insert(targets.begin(), targets.end());
  }
  table.english.assign(english.begin(), english.end());
  for (const auto& [hindi, targets] : english_of_hindi) {
    if (targets.size() > kMaxTranslationsPerWord) continue;
    table.hindi.push_back(hindi);
    table.first.push_back(static_cast<std::uint32_t>(table.english_of.size()));
    for (const std::string& target : targets) {
      table.english_of.push_back(static_cast<std::uint32_t>(
          std::lower_bound(table.english.begin(), table.english.end(), target) - table.english.begin()));
    }
  }
  table.first.push_back(static_cast<std::uint32_t>(table.english_of.size()));
  return table;
}

std::vector<Token> Analyzer::tokenize(std::string_view text, std::size_t offset) {
  std::vector<Token> tokens;
  for (const Tokenizer::Word& word : tokenizer_.words(text)) {
    const std::string surface(text.substr(word.start, word.end - word.start));
    const CachedWord* known = nullptr;
    if (lexicon_) {
      const auto shared = lexicon_->words.find(surface);
      if (shared != lexicon_->words.end()) known = &shared->second;
    }
    if (known == nullptr) {
      auto cached = word_cache_.find(surface);
      if (cached == word_cache_.end()) {
        const std::string normalized = tokenizer_.normalize(surface);
        const std::uint32_t word_id = vocabulary_.intern(normalized);
        const std::uint32_t stem = vocabulary_.intern(tokenizer_.stem(normalized));
        const std::vector<bool>& stopwords = lexicon_ ? lexicon_->stopword_words : stopword_words_;
        const bool stopword = word_id < stopwords.size() && stopwords[word_id];
        cached = word_cache_.emplace(surface, CachedWord{word_id, stem, stopword}).first;
      }
      known = &cached->second;
    }
    Token token;
    token.start = offset + word.start;
    token.end = offset + word.end;
    token.word = known->word;
    token.stem = known->stem;
    token.stopword = known->stopword;
    token.number = word.number;
    std::size_t i = 0;
    const char32_t first = utf8::next(surface, i);
    token.script = utf8::is_devanagari(first)                  ? Script::devanagari
                   : (first < kLatinLettersEnd && first >= 'A') ? Script::latin
                                                                : Script::other;
    tokens.push_back(token);
  }
  return tokens;
}

namespace {

constexpr std::uint32_t kFnvOffset = 2166136261u, kFnvPrime = 16777619u;

// Character trigrams of one word with boundary marks, hashed (FNV-1a): they let "सहमत" meet
// "सहमति" and "disengage" meet "disengagement" where stems differ.
void add_trigrams(std::string_view word, std::vector<std::size_t>& starts, std::vector<std::uint32_t>& out) {
  // Byte offsets of the code points of "^" + word + "$" (the marks are one byte each), found in
  // `word` itself: `starts` is the caller's, reused, so that a word costs no allocation.
  const std::size_t marked_size = word.size() + 2;
  const auto marked = [&](std::size_t b) -> unsigned char {
    return b == 0 ? '^' : b == marked_size - 1 ? '$' : static_cast<unsigned char>(word[b - 1]);
  };
  starts.clear();
  starts.push_back(0);
  for (std::size_t i = 0; i < word.size();) {
    starts.push_back(i + 1);
    utf8::next(word, i);
  }
  starts.push_back(marked_size - 1);
  starts.push_back(marked_size);
  for (std::size_t k = 0; k + 3 < starts.size(); ++k) {
    std::uint32_t hash = kFnvOffset;
    for (std::size_t b = starts[k]; b < starts[k + 3]; ++b) hash = (hash ^ marked(b)) * kFnvPrime;
    out.push_back(hash);
  }
}

void sort_unique(std::vector<std::uint32_t>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

// A sentence or a document is in Hindi (or English) when at least 7 in 10 of its words are in
// Devanagari (or Latin) script: a Hindi readout quotes English names and acronyms ("SCO", "LAC")
// and an English one the odd Hindi term, without becoming mixed; a real mix of the two is.
constexpr std::size_t kLanguageShareTenths = 7;

Language language_of(std::size_t devanagari, std::size_t latin, std::size_t other) {
  const std::size_t total = devanagari + latin + other;
  if (total == 0) return Language::mixed;
  if (devanagari * 10 >= total * kLanguageShareTenths) return Language::hi;
  if (latin * 10 >= total * kLanguageShareTenths) return Language::en;
  return Language::mixed;
}

}  // namespace

DocumentFeatures Analyzer::analyze(const Document& document) {
  DocumentFeatures features;
  std::size_t devanagari_words = 0, latin_words = 0, other_words = 0;
  features.sentences.reserve(document.sentences.size());
  std::vector<std::size_t> trigram_starts;
  for (const Sentence& sentence : document.sentences) {
    SentenceFeatures s;
    s.tokens = tokenize(sentence.text, sentence.start);
    s.content_stems.reserve(s.tokens.size());
    std::size_t devanagari = 0, latin = 0, other = 0;
    for (std::size_t t = 0; t < s.tokens.size(); ++t) {
      const Token& token = s.tokens[t];
      if (token.number) {
        s.content_stems.push_back(token.stem);
        continue;
      }
      (token.script == Script::devanagari ? devanagari : token.script == Script::latin ? latin : other) += 1;
      if (token.stopword) continue;
      s.content_stems.push_back(token.stem);
      // A capital letter past a sentence's first word marks a name (of a person, place, body or
      // agreement): evidence of what a sentence is about, less of what it says.
      const char first = document.bytes[token.start];
      if (t > 0 && token.script == Script::latin && first >= 'A' && first <= 'Z') s.names.push_back(token.stem);
      add_trigrams(vocabulary_.text(token.word), trigram_starts, s.trigrams);
    }
    devanagari_words += devanagari;
    latin_words += latin;
    other_words += other;
    s.language = language_of(devanagari, latin, other);
    for (const PhraseMatch& match : lexicon_->concept_phrases.match(s.tokens)) s.concepts.push_back(match.entry);
    s.cues = lexicon_->cue_phrases.match(s.tokens);
    s.actors = lexicon_->actor_phrases.match(s.tokens);
    s.reports = lexicon_->reporting_phrases.match(s.tokens);
    sort_unique(s.content_stems);
    sort_unique(s.trigrams);
    sort_unique(s.concepts);
    sort_unique(s.names);
    features.sentences.push_back(std::move(s));
  }
  features.language = language_of(devanagari_words, latin_words, other_words);
  return features;
}

}  // namespace readout_diff
