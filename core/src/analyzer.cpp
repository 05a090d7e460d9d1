#include "readout_diff/detail/analyzer.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace readout_diff {

Analyzer::Analyzer(const CompiledLexicon& lexicon, Tokenizer& tokenizer)
    : lexicon_(lexicon), tokenizer_(tokenizer), vocabulary_(lexicon.vocabulary) {}

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

Result<DocumentFeatures> Analyzer::analyze(const Document& document) {
  DocumentFeatures features;
  WordBook book{vocabulary_, word_cache_, lexicon_.stopword_words, &lexicon_.words};
  std::size_t devanagari_words = 0, latin_words = 0, other_words = 0;
  features.sentences.reserve(document.sentences.size());
  std::vector<std::size_t> trigram_starts;
  for (const Sentence& sentence : document.sentences) {
    SentenceFeatures s;
    auto tokens = tokenizer_.tokens(sentence.text, sentence.start, book);
    if (!tokens.ok()) return tokens.error();
    s.tokens = std::move(tokens).value();
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
    for (const PhraseMatch& match : lexicon_.concept_phrases.match(s.tokens)) s.concepts.push_back(match.entry);
    s.cues = lexicon_.cue_phrases.match(s.tokens);
    s.actors = lexicon_.actor_phrases.match(s.tokens);
    s.reports = lexicon_.reporting_phrases.match(s.tokens);
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
