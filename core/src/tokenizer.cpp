#include "readout_diff/detail/tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>

#include "utf8.hpp"
#include "word_list.hpp"

extern const unsigned char readout_ordinal_suffixes[];
extern const std::size_t readout_ordinal_suffixes_size;

namespace readout_diff {
namespace {

// A word is Latin-script when it starts with a letter from 'A' up to the end of Latin
// Extended-B (U+0000 to U+024F): the letters English, transliterated names and European
// diacritics use. U+0250 on are IPA, spacing modifiers and combining marks, not a word's start.
constexpr char32_t kLatinLettersEnd = 0x250;

// The digits of an ordinal ("10" of "10th" or "10वां", core/data/ordinal-suffixes.txt), or nothing.
// `normalized` is a word as the normaliser writes it (Devanagari digits already ASCII).
std::string_view ordinal_digits(std::string_view normalized) {
  static const std::vector<std::string_view> kSuffixes = word_list(readout_ordinal_suffixes, readout_ordinal_suffixes_size);
  const std::size_t digits = static_cast<std::size_t>(
      std::find_if(normalized.begin(), normalized.end(), [](char c) { return c < '0' || c > '9'; }) - normalized.begin());
  if (digits == 0 || digits == normalized.size()) return {};
  const std::string_view suffix = normalized.substr(digits);
  return std::find(kSuffixes.begin(), kSuffixes.end(), suffix) != kSuffixes.end() ? normalized.substr(0, digits)
                                                                                   : std::string_view();
}

}  // namespace

struct Tokenizer::Icu {
  std::unique_ptr<icu::BreakIterator> words;
};

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

Result<std::vector<Tokenizer::Word>> Tokenizer::words(std::string_view text) {
  std::vector<Word> words;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  icu_->words->setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    return Error{"internal", std::string("ICU could not read a sentence's words: ") + u_errorName(status), std::nullopt};
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

Result<std::vector<Token>> Tokenizer::tokens(std::string_view text, std::size_t offset, WordBook& book) {
  auto found = words(text);
  if (!found.ok()) return found.error();
  std::vector<Token> tokens;
  for (const Word& word : found.value()) {
    const std::string surface(text.substr(word.start, word.end - word.start));
    const CachedWord* known = nullptr;
    if (book.known != nullptr) {
      const auto shared = book.known->find(surface);
      if (shared != book.known->end()) known = &shared->second;
    }
    if (known == nullptr) {
      auto cached = book.cache.find(surface);
      if (cached == book.cache.end()) {
        const std::string normalized = normalizer_.normalize(surface);
        const std::uint32_t word_id = book.vocabulary.intern(normalized);
        const std::string_view ordinal = ordinal_digits(normalized);
        const std::uint32_t stem = book.vocabulary.intern(ordinal.empty() ? stemmer_.stem(normalized) : std::string(ordinal));
        const bool stopword = word_id < book.stopwords.size() && book.stopwords[word_id];
        cached = book.cache.emplace(surface, CachedWord{word_id, stem, stopword}).first;
      }
      known = &cached->second;
    }
    Token token;
    token.start = offset + word.start;
    token.end = offset + word.end;
    token.word = known->word;
    token.stem = known->stem;
    token.stopword = known->stopword;
    // An ordinal is a number too (its stem, its digits, was set where the word was first read).
    token.number = word.number || !ordinal_digits(book.vocabulary.text(token.word)).empty();
    std::size_t i = 0;
    const char32_t first = utf8::next(surface, i);
    token.script = utf8::is_devanagari(first)                  ? Script::devanagari
                   : (first < kLatinLettersEnd && first >= 'A') ? Script::latin
                                                                : Script::other;
    tokens.push_back(token);
  }
  return tokens;
}

}  // namespace readout_diff
