#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "readout_diff/detail/builtin_lexicon.hpp"
#include "readout_diff/detail/compiled_lexicon.hpp"
#include "readout_diff/detail/lexicon.hpp"
#include "readout_diff/detail/lexicon_compiler.hpp"

namespace readout_diff {
namespace {

const char* kStopwords = R"({"en":["the"],"hi":["का"]})";

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The lexicon files the engine was built from, compiled here, in the test's process.
CompiledLexicon compile_source_files() {
  auto parsed = parse_lexicon(read_file(READOUT_DIFF_LEXICON), read_file(READOUT_DIFF_STOPWORDS));
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  auto translations = parse_dictd(read_file(READOUT_DIFF_DICTIONARY_INDEX), read_file(READOUT_DIFF_DICTIONARY_ENTRIES));
  EXPECT_TRUE(translations.ok()) << translations.error().message;
  parsed.value().translations = std::move(translations).value();
  auto compiled = compile_lexicon(parsed.value());
  EXPECT_TRUE(compiled.ok()) << compiled.error().message;
  return std::move(compiled).value();
}

// A phrase index as a comparable value: its phrases in the order match() tries them.
std::vector<std::pair<std::vector<std::uint32_t>, std::uint32_t>> phrases_of(const PhraseIndex& index) {
  std::vector<std::pair<std::vector<std::uint32_t>, std::uint32_t>> phrases;
  for (const auto& phrase : index.phrases()) phrases.emplace_back(index.stems_of(phrase), phrase.entry);
  return phrases;
}

void expect_same_entries(const std::vector<CompiledLexicon::Entry>& x, const std::vector<CompiledLexicon::Entry>& y) {
  ASSERT_EQ(x.size(), y.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].id, y[i].id);
    EXPECT_EQ(x[i].label, y[i].label);
    EXPECT_EQ(x[i].strength, y[i].strength) << x[i].id;
  }
}

TEST(Lexicon, TheBuiltInLexiconIsValidAndBilingual) {
  const auto& lexicon = builtin_lexicon();
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  EXPECT_GE(lexicon.value().concepts.size(), 40u);
  std::set<std::string> ids;
  for (const auto& concept_entry : lexicon.value().concepts) ids.insert(concept_entry.id);
  for (const char* expected : {"lac", "disengagement", "wmcc"}) EXPECT_EQ(ids.count(expected), 1u) << expected;
  EXPECT_FALSE(lexicon.value().commitment_cues.empty());
  EXPECT_FALSE(lexicon.value().actors.empty());
}

// What the build compiled and embedded is what the runtime compile gives: the same entries,
// vocabulary ids, stopword flags, word cache and phrases, in the same order.
TEST(Lexicon, TheBuiltInLexiconIsTheSourceFilesCompiled) {
  const auto& builtin = builtin_lexicon();
  ASSERT_TRUE(builtin.ok()) << builtin.error().message;
  const CompiledLexicon& loaded = builtin.value();
  const CompiledLexicon compiled = compile_source_files();
  expect_same_entries(loaded.concepts, compiled.concepts);
  expect_same_entries(loaded.commitment_cues, compiled.commitment_cues);
  expect_same_entries(loaded.actors, compiled.actors);
  ASSERT_EQ(loaded.vocabulary->size(), compiled.vocabulary->size());
  for (std::uint32_t id = 0; id < compiled.vocabulary->size(); ++id) {
    ASSERT_EQ(loaded.vocabulary->text(id), compiled.vocabulary->text(id)) << id;
    const bool compiled_flag = id < compiled.stopword_words.size() && compiled.stopword_words[id];
    const bool loaded_flag = id < loaded.stopword_words.size() && loaded.stopword_words[id];
    EXPECT_EQ(loaded_flag, compiled_flag) << loaded.vocabulary->text(id);
  }
  ASSERT_EQ(loaded.words.size(), compiled.words.size());
  for (const auto& [surface, cached] : compiled.words) {
    const auto found = loaded.words.find(surface);
    ASSERT_NE(found, loaded.words.end()) << surface;
    EXPECT_EQ(found->second.word, cached.word) << surface;
    EXPECT_EQ(found->second.stem, cached.stem) << surface;
    EXPECT_EQ(found->second.stopword, cached.stopword) << surface;
  }
  EXPECT_EQ(phrases_of(loaded.concept_phrases), phrases_of(compiled.concept_phrases));
  EXPECT_EQ(phrases_of(loaded.cue_phrases), phrases_of(compiled.cue_phrases));
  EXPECT_EQ(phrases_of(loaded.actor_phrases), phrases_of(compiled.actor_phrases));
  EXPECT_EQ(write_compiled_lexicon(loaded), write_compiled_lexicon(compiled));
}

TEST(Lexicon, DamagedCompiledBytesAreAnErrorNotACrash) {
  const std::string bytes = write_compiled_lexicon(compile_source_files());
  ASSERT_TRUE(read_compiled_lexicon(bytes).ok());
  for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 8) {  // every size near the start, then sparser
    const auto truncated = read_compiled_lexicon(std::string_view(bytes).substr(0, size));
    ASSERT_FALSE(truncated.ok()) << size;
    EXPECT_EQ(truncated.error().code, "internal");
  }
  std::string other_version = bytes;
  other_version[5] = static_cast<char>(kCompiledLexiconFormat + 1);  // after the 1 + 4 bytes of "RDLX"
  EXPECT_FALSE(read_compiled_lexicon(other_version).ok());
  EXPECT_FALSE(read_compiled_lexicon(bytes + '\0').ok());
  for (std::size_t at = 6; at < bytes.size(); at += 499) {  // a byte changed anywhere: any result, but no crash
    std::string changed = bytes;
    changed[at] = static_cast<char>(~changed[at]);
    (void)read_compiled_lexicon(changed);
  }
}

// The build runs the lexicon compiler: a bad lexicon.json fails it, with the entry and the file named.
TEST(Lexicon, TheLexiconCompilerRejectsABadLexicon) {
  const std::string directory = ::testing::TempDir();
  const std::string bad = directory + "/bad-lexicon.json", output = directory + "/bad-lexicon.rdlx";
  std::ofstream(bad) << R"({"schema":"readout-diff-lexicon/1",
    "concepts":[{"id":"lac","en":["LAC"]},{"id":"wmcc","hi":[""]}],"commitment_cues":{"en":[]},"actors":[]})";
  std::remove(output.c_str());
  const std::string command = std::string("'") + READOUT_DIFF_LEXICON_COMPILER + "' '" + bad + "' '" + READOUT_DIFF_STOPWORDS +
                              "' '" + READOUT_DIFF_DICTIONARY_INDEX + "' '" + READOUT_DIFF_DICTIONARY_ENTRIES + "' '" + output +
                              "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string message;
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) message.append(buffer.data(), n);
  const int status = pclose(pipe);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << status;
  EXPECT_NE(message.find(R"(Lexicon concepts[1] (wmcc): "hi" must be an array of non-empty strings)"), std::string::npos)
      << message;
  EXPECT_NE(message.find(bad), std::string::npos) << message;
  EXPECT_FALSE(std::ifstream(output).good()) << "no compiled lexicon is written";
}

TEST(Lexicon, AnErrorNamesTheEntryAtFault) {
  const auto duplicate = parse_lexicon(R"({"schema":"readout-diff-lexicon/1",
    "concepts":[{"id":"lac","en":["LAC"]},{"id":"lac","hi":["एलएसी"]}],
    "commitment_cues":{"en":[]},"actors":[{"id":"both","en":["both sides"]}]})", kStopwords);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, "bad_lexicon");
  EXPECT_NE(duplicate.error().message.find("concepts[1]"), std::string::npos) << duplicate.error().message;

  const auto bad_strength = parse_lexicon(R"({"schema":"readout-diff-lexicon/1","concepts":[],
    "commitment_cues":{"en":[{"cue":"agreed","strength":"maybe"}]},"actors":[]})", kStopwords);
  ASSERT_FALSE(bad_strength.ok());
  EXPECT_NE(bad_strength.error().message.find("agreed"), std::string::npos);

  const auto bad_translation = parse_lexicon(R"({"schema":"readout-diff-lexicon/1","concepts":[],
    "commitment_cues":{"en":[]},"actors":[],"translations":[{"en":"India","hi":["भारत"]},{"en":"issue","hi":[]}]})", kStopwords);
  ASSERT_FALSE(bad_translation.ok());
  EXPECT_NE(bad_translation.error().message.find("translations[1] (issue)"), std::string::npos) << bad_translation.error().message;

  EXPECT_FALSE(parse_lexicon("{not json", kStopwords).ok());
  EXPECT_FALSE(parse_lexicon(R"({"schema":"other"})", kStopwords).ok());
}

// The lexicon's own translations join the dictionary's senses, and stay when the dictionary gives
// the Hindi word more senses than the light-verb cut keeps (its own are then dropped).
TEST(Lexicon, TheLexiconsTranslationsJoinTheDictionarysAndOutliveTheCut) {
  auto parsed = parse_lexicon(R"({"schema":"readout-diff-lexicon/1","concepts":[],"commitment_cues":{"en":[]},"actors":[],
    "translations":[{"en":"relations","hi":["संबंध"]},{"en":"India","hi":["भारत"]},{"en":"issue","hi":["मुद्दा"]}]})",
                              kStopwords);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  Lexicon& lexicon = parsed.value();
  ASSERT_EQ(lexicon.domain_translations.size(), 3u);
  lexicon.translations.push_back(Translation{"complaint", "मुद्दा"});
  for (std::size_t k = 0; k <= kMaxTranslationsPerWord; ++k) {  // one sense more than the cut keeps
    lexicon.translations.push_back(Translation{"sense" + std::string(1, static_cast<char>('a' + k % 26)) +
                                                   std::string(1, static_cast<char>('a' + k / 26)),
                                               "संबंध"});
  }
  const auto compiled = compile_lexicon(lexicon);
  ASSERT_TRUE(compiled.ok()) << compiled.error().message;
  const CompiledLexicon::Translations& table = compiled.value().translations;
  const auto english_of = [&](const char* hindi_stem) {
    std::vector<std::string> english;
    const auto [first, last] = table.of(hindi_stem);
    for (auto it = first; it != last; ++it) english.emplace_back(table.english[*it]);
    return english;
  };
  EXPECT_EQ(english_of("संबंध"), std::vector<std::string>{"relat"});
  EXPECT_EQ(english_of("भारत"), std::vector<std::string>{"india"});
  EXPECT_EQ(english_of("मुद्द"), (std::vector<std::string>{"complaint", "issu"}));
}

}  // namespace
}  // namespace readout_diff
