// Stage 3 on its own: the Tokenizer's words and the Analyzer's features of real sentences.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace readout_diff {
namespace {

class Features : public ::testing::Test {
 protected:
  DocumentFeatures features(const std::string& text) { return stages_.analyzed(text).features; }

  std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    auto found = stages_.tokenizer().words(text);
    EXPECT_TRUE(found.ok());
    for (const Tokenizer::Word& word : found.value()) {
      out.push_back(text.substr(word.start, word.end - word.start) + (word.number ? "#" : ""));
    }
    return out;
  }

  const Vocabulary& vocabulary() const { return stages_.vocabulary(); }

 private:
  testing::Stages stages_;
};

TEST_F(Features, TheTokenizerGivesWordsAndMarksNumbers) {
  EXPECT_EQ(words("On 10 September, the SCO met."), (std::vector<std::string>{"On", "10#", "September", "the", "SCO", "met"}));
  EXPECT_EQ(words("दोनों पक्ष 2020 में सहमत हुए।"), (std::vector<std::string>{"दोनों", "पक्ष", "2020#", "में", "सहमत", "हुए"}));
}

// An ordinal is a number whose stem is its digits (core/data/ordinal-suffixes.txt), in either
// script; digits with any other ending are not one.
TEST_F(Features, AnOrdinalIsANumberWithItsDigitsForAStem) {
  const DocumentFeatures f = features("The 10th round and the 21st meeting.\nचीन-भारत बैठक का 10वां दौर और १०वीं बैठक।\nThe 10thousand and 5star hotels.\n");
  ASSERT_EQ(f.sentences.size(), 3u);
  const auto numbers = [&](const SentenceFeatures& s) {
    std::vector<std::string> out;
    for (const Token& token : s.tokens) {
      if (token.number) out.push_back(vocabulary().text(token.stem));
    }
    return out;
  };
  EXPECT_EQ(numbers(f.sentences[0]), (std::vector<std::string>{"10", "21"}));
  EXPECT_EQ(numbers(f.sentences[1]), (std::vector<std::string>{"10", "10"}));
  EXPECT_EQ(numbers(f.sentences[2]), (std::vector<std::string>{}));
}

TEST_F(Features, SpellingVariantsShareAWordAndAStem) {
  const DocumentFeatures f = features("सम्बन्ध\nसंबंध\nRelations\nrelation\n");
  ASSERT_EQ(f.sentences.size(), 4u);
  EXPECT_EQ(f.sentences[0].tokens[0].word, f.sentences[1].tokens[0].word);
  EXPECT_EQ(f.sentences[2].tokens[0].stem, f.sentences[3].tokens[0].stem);
  EXPECT_EQ(vocabulary().text(f.sentences[2].tokens[0].word), "relations");
}

TEST_F(Features, LanguageFollowsSevenInTenWords) {
  // Hindi with an English acronym stays Hindi; half and half is mixed.
  const DocumentFeatures f = features("दोनों मंत्रियों ने SCO बैठक में सीमा पर चर्चा की।\nभारत चीन talks held here now.\n");
  ASSERT_EQ(f.sentences.size(), 2u);
  EXPECT_EQ(f.sentences[0].language, Language::hi);
  EXPECT_EQ(f.sentences[1].language, Language::mixed);
  for (const Token& token : f.sentences[0].tokens) {
    EXPECT_EQ(token.script, vocabulary().text(token.word) == "sco" ? Script::latin : Script::devanagari);
  }
}

TEST_F(Features, ContentFeaturesAreSortedUniqueAndLeaveOutStopwords) {
  const DocumentFeatures f = features("The Ministers of India and China met the Ministers in Moscow.");
  ASSERT_EQ(f.sentences.size(), 1u);
  const SentenceFeatures& s = f.sentences[0];
  for (const auto* values : {&s.content_stems, &s.trigrams, &s.concepts, &s.names}) {
    EXPECT_TRUE(std::adjacent_find(values->begin(), values->end(), std::greater_equal<>()) == values->end());
  }
  std::vector<std::string> stems;
  for (auto stem : s.content_stems) stems.push_back(vocabulary().text(stem));
  EXPECT_EQ(std::count(stems.begin(), stems.end(), "the"), 0);
  EXPECT_EQ(std::count(stems.begin(), stems.end(), "minist"), 1);
  // Capitalised words past the first are names: India, China, Moscow (and Ministers).
  std::vector<std::string> names;
  for (auto stem : s.names) names.push_back(vocabulary().text(stem));
  for (const char* name : {"india", "china", "moscow"}) EXPECT_EQ(std::count(names.begin(), names.end(), name), 1) << name;
}

}  // namespace
}  // namespace readout_diff
