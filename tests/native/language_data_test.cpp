// The language data in core/data that the stages read as word lists (core/src/word_list.hpp), and
// the actor ids the classifier shares with the lexicon: each list is in the form its reader
// compares, and each does its work on real sentences.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "readout_diff/detail/builtin_lexicon.hpp"
#include "readout_diff/detail/commitments.hpp"
#include "readout_diff/detail/normalizer.hpp"
#include "test_support.hpp"

namespace readout_diff {
namespace {

// The entries of a core/data word list, read here apart from the engine's reader.
std::vector<std::string> entries_of(const std::string& file) {
  std::ifstream in(std::string(READOUT_DIFF_SOURCE_DIR) + "/core/data/" + file, std::ios::binary);
  std::vector<std::string> entries;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') entries.push_back(line);
  }
  return entries;
}

// A list compared with normalised words holds at least `fewest` entries, each normalised already.
void expect_normalised_entries(const std::string& file, std::size_t fewest) {
  const auto normalizer = WordNormalizer::create();
  ASSERT_TRUE(normalizer.ok());
  const std::vector<std::string> entries = entries_of(file);
  ASSERT_GE(entries.size(), fewest) << file;
  for (const std::string& entry : entries) EXPECT_EQ(normalizer.value().normalize(entry), entry) << file;
}

TEST(LanguageData, NegationsAreWrittenAsTheNormaliserWritesWords) { expect_normalised_entries("negations.txt", 10); }

TEST(LanguageData, OrdinalSuffixesAreWrittenAsTheNormaliserWritesWords) { expect_normalised_entries("ordinal-suffixes.txt", 4); }

TEST(LanguageData, AHindiNegationTurnsACommitmentRound) {
  const auto s = testing::segment("दोनों पक्ष सीमा पर शांति बनाए रखने पर सहमत नहीं हुए।")["sentences"];
  ASSERT_EQ(s.size(), 1u);
  ASSERT_TRUE(s[0]["commitment"].is_object()) << s.dump();
  EXPECT_EQ(s[0]["commitment"]["polarity"], "negated");
}

TEST(LanguageData, DateWordsAreLowerCaseWhereLatin) {
  for (const std::string& word : entries_of("date-words.txt")) {
    EXPECT_TRUE(std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) << word;
  }
}

// A short line with a digit and a month name, or the Hindi word for "date", before the body is a dateline.
TEST(LanguageData, HindiMonthsAndTheWordForDateMakeADateline) {
  for (const std::string dateline : {"नई दिल्ली, 10 दिसम्बर 2020", "नई दिल्ली, 10 जुलाई 2020", "तिथि: 10.09.2020"}) {
    const auto s = testing::segment("विदेश मंत्री की बैठक\n" + dateline + "\nदोनों मंत्रियों ने सीमा की स्थिति पर चर्चा की।\n")["sentences"];
    ASSERT_EQ(s.size(), 3u) << s.dump();
    EXPECT_EQ(s[1]["kind"], "dateline") << dateline;
  }
  const auto plain = testing::segment("विदेश मंत्री की बैठक\nनई दिल्ली 2020\nदोनों मंत्रियों ने सीमा की स्थिति पर चर्चा की।\n")["sentences"];
  ASSERT_EQ(plain.size(), 3u);
  EXPECT_NE(plain[1]["kind"], "dateline");
}

TEST(LanguageData, TheClassifiersActorIdsAgreeWithTheLexicon) {
  const auto& lexicon = builtin_lexicon();
  ASSERT_TRUE(lexicon.ok());
  const auto& actors = lexicon.value().actors;
  const auto has_actor = [&](const char* id) {
    return std::any_of(actors.begin(), actors.end(), [&](const CompiledLexicon::Entry& entry) { return entry.id == id; });
  };
  EXPECT_TRUE(has_actor(kBothSidesActor));
  EXPECT_FALSE(has_actor(kUnknownActor));
}

}  // namespace
}  // namespace readout_diff
