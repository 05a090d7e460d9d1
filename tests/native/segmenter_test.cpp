#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "evaluation.hpp"
#include "readout_diff/detail/text_input.hpp"
#include "test_support.hpp"

namespace readout_diff {
namespace {

using testing::corpus;
using testing::segment;

std::vector<std::string> texts(const nlohmann::json& result) {
  std::vector<std::string> out;
  for (const auto& s : result["sentences"]) out.push_back(s["text"].get<std::string>());
  return out;
}

TEST(Segmenter, InitialsAndHonorificsDoNotEndASentence) {
  const auto result = texts(segment("H.E. Dr. S. Jaishankar met H.E. Wang Yi in Moscow. Mr. Wang agreed."));
  EXPECT_EQ(result, (std::vector<std::string>{"H.E. Dr. S. Jaishankar met H.E. Wang Yi in Moscow.", "Mr. Wang agreed."}));
  const auto hindi = texts(segment("विदेश मंत्री एस.जयशंकर ने एच.ई. श्री वांग यी से भेंट की। डॉ. एस. जयशंकर ने कहा।"));
  EXPECT_EQ(hindi, (std::vector<std::string>{"विदेश मंत्री एस.जयशंकर ने एच.ई. श्री वांग यी से भेंट की।", "डॉ. एस. जयशंकर ने कहा।"}));
}

TEST(Segmenter, AnAcronymOrYearCanStillEndASentence) {
  EXPECT_EQ(texts(segment("They met at the SCO. The talks were frank.")).size(), 2u);
  EXPECT_EQ(texts(segment("They met in 2020. The talks were frank.")).size(), 2u);
}

TEST(Segmenter, DandaWithoutSpaceEndsASentence) {
  EXPECT_EQ(texts(segment("दोनों मंत्री सहमत हुए।साथ ही वे संपर्क में रहेंगे।")),
            (std::vector<std::string>{"दोनों मंत्री सहमत हुए।", "साथ ही वे संपर्क में रहेंगे।"}));
}

TEST(Segmenter, ListNumbersStayWithTheirSentence) {
  EXPECT_EQ(texts(segment("agreed as follows:\n\n1. The two Ministers agreed.\n2. They met.")),
            (std::vector<std::string>{"agreed as follows:", "1. The two Ministers agreed.", "2. They met."}));
  // A number glued to the previous sentence, as in a copied web page, still starts the point.
  EXPECT_EQ(texts(segment("India-China relations.1. The two Foreign Ministers agreed.")),
            (std::vector<std::string>{"India-China relations.", "1. The two Foreign Ministers agreed."}));
  EXPECT_EQ(texts(segment("Trade grew 3.5 percent.")).size(), 1u);
}

TEST(Segmenter, SpansAreExactBytesOfTheInputWithBomAndCrlf) {
  const std::string text = "\xEF\xBB\xBFTitle line\r\n\r\nFirst sentence. Second one।\r\nMoscow\r\n";
  const auto result = segment(text);
  ASSERT_EQ(result["sentences"].size(), 4u);
  for (const auto& s : result["sentences"]) {
    const auto start = s["start"].get<std::size_t>(), end = s["end"].get<std::size_t>();
    EXPECT_EQ(text.substr(start, end - start), s["text"].get<std::string>());
  }
  EXPECT_EQ(result["sentences"][0]["start"], 3);
  EXPECT_EQ(result["sentences"][0]["kind"], "title");
  EXPECT_EQ(result["sentences"][3]["kind"], "signoff");
}

TEST(Segmenter, KindsOfTheMoscowStatement) {
  const auto result = segment(corpus(testing::kMoscowEn));
  const auto& s = result["sentences"];
  ASSERT_EQ(s.size(), 13u);
  EXPECT_EQ(s[0]["kind"], "title");
  EXPECT_EQ(s[1]["kind"], "dateline");
  EXPECT_EQ(s[2]["kind"], "body");
  EXPECT_EQ(s[11]["kind"], "signoff");
  EXPECT_EQ(s[12]["kind"], "signoff");
}

// The gold sentences of every hand-labelled comparison are the expected segmentation.
TEST(Segmenter, MatchesEveryGoldSentenceOfTheDushanbeSeedText) {
  const auto gold = nlohmann::json::parse(testing::read_shared("gold/moscow2020-en__dushanbe2021-hi.json"));
  std::vector<std::string> expected;
  for (const auto& s : gold["b_sentences"]) expected.push_back(s["text"].get<std::string>());
  EXPECT_EQ(texts(segment(corpus(testing::kDushanbeHi))), expected);
}

TEST(Segmenter, BoundaryF1OverAllGoldFilesIsAtLeast098) {
  const auto evaluation = evaluation::evaluate(evaluation::read_gold_set(testing::shared_path("gold"), testing::shared_path("corpus")));
  ASSERT_TRUE(evaluation.errors.empty()) << evaluation.errors.front();
  evaluation::Counts all = evaluation.same_language.segmentation;
  all.add(evaluation.cross_language.segmentation);
  EXPECT_GE(all.f1(), 0.98);
}

}  // namespace
}  // namespace readout_diff

namespace readout_diff {
namespace {

TEST(Segmenter, RefusesMoreSentencesThanTheLimitWithThePlace) {
  std::string text;
  for (std::size_t i = 0; i <= kMaxSentences; ++i) text += "Go. ";
  const auto result = testing::segment(text);
  ASSERT_TRUE(result.contains("error"));
  EXPECT_EQ(result["error"]["code"], "too_many_sentences");
  EXPECT_EQ(result["error"]["offset"], kMaxSentences * 4);
}

}  // namespace
}  // namespace readout_diff
