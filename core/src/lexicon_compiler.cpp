#include "readout_diff/detail/lexicon_compiler.hpp"

#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "readout_diff/detail/dictionary.hpp"
#include "readout_diff/detail/tokenizer.hpp"

namespace readout_diff {
namespace {

// Reads the dictionary's senses with the lexicon just compiled as the known words, so they are
// stemmed and told from stopwords exactly as a readout's, without entering the lexicon's own
// vocabulary.
Result<CompiledLexicon::Translations> compile_translations(const std::vector<Translation>& senses,
                                                           const std::vector<Translation>& domain_senses,
                                                           const CompiledLexicon& compiled, Tokenizer& tokenizer) {
  Vocabulary vocabulary(compiled.vocabulary);
  WordCache cache;
  WordBook book{vocabulary, cache, compiled.stopword_words, &compiled.words};
  std::optional<Error> failed;
  const auto content_stems = [&](const std::string& text, Script script) {
    std::vector<std::string> stems;
    auto tokens = tokenizer.tokens(text, 0, book);
    if (!tokens.ok()) {
      failed = tokens.error();
      return stems;
    }
    for (const Token& token : tokens.value()) {
      if (!token.stopword && !token.number && token.script == script) stems.push_back(vocabulary.text(token.stem));
    }
    return stems;
  };
  using Table = std::map<std::string, std::set<std::string>>;
  const auto english_of = [&](const std::vector<Translation>& from) {
    Table english_of_hindi;
    for (const Translation& sense : from) {
      const std::vector<std::string> english = content_stems(sense.english, Script::latin);
      if (english.size() != 1) continue;
      for (std::string& hindi : content_stems(sense.hindi, Script::devanagari)) english_of_hindi[std::move(hindi)].insert(english.front());
    }
    return english_of_hindi;
  };
  // A Hindi word with more senses than the cut is a light verb or function word in the dictionary;
  // the lexicon's own translations of a word are kept alongside what the dictionary leaves.
  Table english_of_hindi = english_of(senses);
  for (auto it = english_of_hindi.begin(); it != english_of_hindi.end();) {
    it = it->second.size() > kMaxTranslationsPerWord ? english_of_hindi.erase(it) : std::next(it);
  }
  for (auto& [hindi, targets] : english_of(domain_senses)) english_of_hindi[hindi].insert(targets.begin(), targets.end());
  CompiledLexicon::Translations table;
  std::set<std::string> english_set;
  for (const auto& [hindi, targets] : english_of_hindi) english_set.insert(targets.begin(), targets.end());
  const std::vector<std::string> english(english_set.begin(), english_set.end());
  std::vector<std::string> hindi_stems;
  for (const auto& [hindi, targets] : english_of_hindi) {
    hindi_stems.push_back(hindi);
    table.first.push_back(static_cast<std::uint32_t>(table.english_of.size()));
    for (const std::string& target : targets) {
      table.english_of.push_back(static_cast<std::uint32_t>(std::lower_bound(english.begin(), english.end(), target) - english.begin()));
    }
  }
  table.first.push_back(static_cast<std::uint32_t>(table.english_of.size()));
  table.english = CompiledLexicon::TextColumn(english);
  table.hindi = CompiledLexicon::TextColumn(hindi_stems);
  if (failed) return *failed;
  return table;
}

}  // namespace

// Tokenises the stopwords and every lexicon phrase into a word book of their own, and keeps what
// it learnt (its vocabulary, word cache, stopword flags and phrase indexes).
Result<CompiledLexicon> compile_lexicon(const Lexicon& lexicon) {
  auto tokenizer = Tokenizer::create();
  if (!tokenizer.ok()) return tokenizer.error();
  Vocabulary vocabulary;
  WordCache cache;
  std::vector<bool> stopwords;  // by word id; filled first
  WordBook book{vocabulary, cache, stopwords, nullptr};
  for (const std::string& word : lexicon.stopwords) {
    auto tokens = tokenizer.value()->tokens(word, 0, book);
    if (!tokens.ok()) return tokens.error();
    for (const Token& token : tokens.value()) {
      if (stopwords.size() <= token.word) stopwords.resize(token.word + 1, false);
      stopwords[token.word] = true;
    }
  }
  cache.clear();  // entries cached above predate the stopword flags
  std::optional<Error> failed;
  const auto index_of = [&](const std::vector<LexiconEntry>& entries) {
    PhraseIndex index;
    for (std::uint32_t e = 0; e < entries.size(); ++e) {
      for (const std::string& term : entries[e].terms) {
        auto tokens = tokenizer.value()->tokens(term, 0, book);
        if (!tokens.ok()) failed = tokens.error();
        std::vector<std::uint32_t> stems;
        for (const Token& token : tokens.ok() ? tokens.value() : std::vector<Token>{}) stems.push_back(token.stem);
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
  if (failed) return *failed;
  compiled.stopword_words = std::move(stopwords);
  compiled.words = std::move(cache);
  compiled.vocabulary = std::make_shared<const Vocabulary>(std::move(vocabulary));
  auto translations = compile_translations(lexicon.translations, lexicon.domain_translations, compiled, *tokenizer.value());
  if (!translations.ok()) return translations.error();
  compiled.translations = std::move(translations).value();
  return compiled;
}

}  // namespace readout_diff
