#include <gtest/gtest.h>

#include <set>

#include "test_support.hpp"

namespace readout_diff {
namespace {

using testing::compare;
using testing::corpus;

// The flagship comparison: the Moscow 2020 statement (English) against the Dushanbe 2021
// readout (Hindi).
class FlagshipComparison : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    a_text = new std::string(corpus(testing::kMoscowEn));
    b_text = new std::string(corpus(testing::kDushanbeHi));
    report = new nlohmann::json(compare(*a_text, *b_text));
  }
  static void TearDownTestSuite() {
    delete a_text;
    delete b_text;
    delete report;
  }
  static std::string* a_text;
  static std::string* b_text;
  static nlohmann::json* report;
};
std::string* FlagshipComparison::a_text = nullptr;
std::string* FlagshipComparison::b_text = nullptr;
nlohmann::json* FlagshipComparison::report = nullptr;

TEST_F(FlagshipComparison, FollowsTheReportSchema) {
  const auto& r = *report;
  ASSERT_FALSE(r.contains("error")) << r.dump();
  EXPECT_EQ(r["schema"], "readout-diff/1");
  EXPECT_EQ(r["a"]["language"], "en");
  EXPECT_EQ(r["b"]["language"], "hi");
  for (const char* side : {"a", "b"}) {
    const std::string& text = std::string(side) == "a" ? *a_text : *b_text;
    for (const auto& s : r[side]["sentences"]) {
      const auto start = s["start"].get<std::size_t>(), end = s["end"].get<std::size_t>();
      EXPECT_EQ(text.substr(start, end - start), s["text"].get<std::string>());
      const std::string status = s["status"];
      EXPECT_TRUE(status == "kept" || status == (std::string(side) == "a" ? "dropped" : "new")) << status;
      EXPECT_EQ(status == "kept", !s["links"].empty());
    }
  }
}

TEST_F(FlagshipComparison, LinksCrossTheLanguageGapThroughConcepts) {
  const auto& r = *report;
  ASSERT_FALSE(r["links"].empty());
  std::set<std::pair<int, int>> pairs;
  for (const auto& link : r["links"]) {
    EXPECT_TRUE(link["cross_language"].get<bool>());
    EXPECT_TRUE(link["diff"].empty()) << "no word diff between Hindi and English";
    EXPECT_FALSE(link["evidence"]["concepts"].empty()) << "a cross-language link stands on shared concepts";
    for (const auto& i : link["a"]) {
      for (const auto& j : link["b"]) pairs.insert({i.get<int>(), j.get<int>()});
    }
  }
  // Two pairs the hand-labelled gold links: the meeting itself (on the SCO sidelines), and
  // point 2, that the situation is in neither side's interest, which Dushanbe restates.
  EXPECT_EQ(pairs.count({2, 0}), 1u);
  EXPECT_EQ(pairs.count({5, 6}), 1u);
}

TEST_F(FlagshipComparison, FindsCommitmentsOnBothSides) {
  const auto& r = *report;
  // Moscow's five numbered points are all agreed by both ministers.
  int numbered_commitments = 0;
  for (const auto& s : r["a"]["sentences"]) {
    const std::string text = s["text"];
    if (text.size() > 2 && text[0] >= '1' && text[0] <= '5' && text[1] == '.') {
      ASSERT_FALSE(s["commitment"].is_null()) << text;
      EXPECT_EQ(s["commitment"]["actor"], "both") << text;
      ++numbered_commitments;
    }
  }
  EXPECT_EQ(numbered_commitments, 5);
  EXPECT_TRUE(r["a"]["sentences"][2]["commitment"].is_null()) << "the meeting narrative commits nobody";
  const auto& last = r["b"]["sentences"].back();  // "साथ ही दोनों मंत्री संपर्क में रहने पर सहमत हुए।"
  ASSERT_FALSE(last["commitment"].is_null());
  EXPECT_EQ(last["commitment"]["actor"], "both");
}

TEST_F(FlagshipComparison, SummaryCountsAgreeWithTheSentences) {
  const auto& r = *report;
  int a_commitments = 0, dropped = 0, b_new = 0;
  for (const auto& s : r["a"]["sentences"]) {
    a_commitments += s["commitment"].is_null() ? 0 : 1;
    dropped += s["status"] == "dropped" ? 1 : 0;
  }
  for (const auto& s : r["b"]["sentences"]) b_new += s["status"] == "new" ? 1 : 0;
  EXPECT_EQ(r["summary"]["a"]["commitments"], a_commitments);
  EXPECT_EQ(r["summary"]["a"]["dropped"], dropped);
  EXPECT_EQ(r["summary"]["b"]["new"], b_new);
  const auto& c = r["summary"]["commitments"];
  EXPECT_EQ(c["repeated"].get<int>() + c["modified"].get<int>() + c["dropped"].get<int>(), a_commitments);
}

TEST(Compare, IsDeterministic) {
  const std::string a = corpus("2021-03-12_virtual_in-cn_wmcc21_etemaad-news_en.txt");
  const std::string b = corpus("2021-06-25_virtual_in-cn_wmcc22_bizstandard-news_en.txt");
  EXPECT_EQ(compare_json(a, b, ""), compare_json(a, b, ""));
}


// The report is streamed by the engine's own writer; nlohmann, reading it and writing it back in
// the same key order, must give the very same bytes (escapes, numbers, separators).
TEST(Compare, TheReportIsExactlyAsNlohmannWouldWriteIt) {
  const std::string awkward = "He said \"no\\yes\"\tand\vso /on\f.\nदूसरा \"वाक्य\" है।\n";
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {corpus(testing::kMoscowEn), corpus(testing::kDushanbeHi)},
      {corpus(testing::kMoscowHi), corpus(testing::kDushanbeHi)},
      {awkward, awkward + "A third \"one\".\n"},
  };
  for (const auto& [a, b] : pairs) {
    const std::string written = compare_json(a, b, "");
    EXPECT_EQ(nlohmann::ordered_json::parse(written).dump(), written);
  }
  const std::string segmented = segment_json(awkward, "");
  EXPECT_NE(segmented.find(R"(\"no\\yes\"\tand\u000bso /on\f.)"), std::string::npos) << segmented;
  EXPECT_EQ(nlohmann::ordered_json::parse(segmented).dump(), segmented);
}
TEST(Compare, ADocumentAgainstItselfRepeatsEverySentence) {
  const std::string text = corpus(testing::kDushanbeHi);
  const auto r = compare(text, text);
  ASSERT_FALSE(r.contains("error"));
  EXPECT_EQ(r["summary"]["a"]["dropped"], 0);
  EXPECT_EQ(r["summary"]["b"]["new"], 0);
  for (const auto& link : r["links"]) {
    EXPECT_EQ(link["relation"], "repeated");
    EXPECT_EQ(link["a"], link["b"]);
  }
}

TEST(Compare, ShowsAWordDiffInsideAModifiedPair) {
  const auto r = compare("The two sides agreed to quickly disengage the border troops.",
                         "The two sides agreed to complete the disengagement of the border troops at the earliest.");
  ASSERT_EQ(r["links"].size(), 1u);
  const auto& link = r["links"][0];
  EXPECT_FALSE(link["cross_language"].get<bool>());
  std::set<std::string> ops;
  std::string inserted;
  for (const auto& run : link["diff"]) {
    ops.insert(run["op"].get<std::string>());
    if (run["op"] == "insert") inserted += run["text"].get<std::string>() + " ";
  }
  EXPECT_EQ(ops, (std::set<std::string>{"equal", "delete", "insert"}));
  EXPECT_NE(inserted.find("earliest"), std::string::npos);
  EXPECT_FALSE(link["evidence"]["shared_stems"].empty());
}

TEST(Compare, AnErrorNamesTheSideAndPlace) {
  const auto r = compare("Fine text.", "Bad \xFF byte");
  ASSERT_TRUE(r.contains("error"));
  EXPECT_EQ(r["error"]["side"], "b");
  EXPECT_EQ(r["error"]["code"], "invalid_utf8");
  EXPECT_EQ(r["error"]["offset"], 4);
  EXPECT_EQ(r["error"]["line"], 1);
  EXPECT_EQ(r["error"]["column"], 5);
  EXPECT_EQ(compare("", "x")["error"]["side"], "a");
}

TEST(Compare, RejectsUnknownOrOutOfRangeOptions) {
  EXPECT_EQ(compare("a.", "b.", R"({"min_link_scor":0.5})")["error"]["code"], "bad_options");
  EXPECT_EQ(compare("a.", "b.", R"({"partner_ratio":2})")["error"]["code"], "bad_options");
  EXPECT_EQ(compare("a.", "b.", "[1]")["error"]["code"], "bad_options");
  EXPECT_EQ(compare("aaaa.", "b.", R"({"max_bytes":3})")["error"]["code"], "too_large");
}

}  // namespace
}  // namespace readout_diff

namespace readout_diff {
namespace {

// docs/page.md's own example: the dictionary (FreeDict) carries "talks" / "बातचीत" and "agreed" /
// "सहमत" across the languages, so the pair links on words, not only on a hand concept.
TEST(CrossLanguage, TheDictionaryCarriesWordsAcross) {
  const auto report = testing::compare("The two sides agreed to continue talks.", "दोनों पक्ष बातचीत जारी रखने पर सहमत हुए।");
  ASSERT_EQ(report["links"].size(), 1u) << report.dump();
  const auto& link = report["links"][0];
  EXPECT_TRUE(link["cross_language"]);
  const auto& stems = link["evidence"]["shared_stems"];
  for (const char* stem : {"talk", "agre", "continu"}) {
    EXPECT_NE(std::find(stems.begin(), stems.end(), stem), stems.end()) << stem << " in " << stems.dump();
  }
}

// FreeDict has no "India" headword and no "issue" among the senses of "मुद्दा": the lexicon's own
// translations (core/data/lexicon.json) carry them across.
TEST(CrossLanguage, TheLexiconsOwnTranslationsCarryWhatTheDictionaryLacks) {
  const auto report =
      testing::compare("India and China agreed to continue talks on the issue.", "भारत और चीन मुद्दे पर बातचीत जारी रखने पर सहमत हुए।");
  ASSERT_EQ(report["links"].size(), 1u) << report.dump();
  const auto& stems = report["links"][0]["evidence"]["shared_stems"];
  for (const char* stem : {"india", "issu", "talk"}) {
    EXPECT_NE(std::find(stems.begin(), stems.end(), stem), stems.end()) << stem << " in " << stems.dump();
  }
}

// Dropped and new sentences name what the engine nearly linked them to, under the threshold.
TEST(NearMisses, UnlinkedSentencesListPossibleCounterparts) {
  const auto report = testing::compare(testing::corpus(testing::kMoscowEn), testing::corpus(testing::kDushanbeHi));
  std::size_t listed = 0;
  for (const char* side : {"a", "b"}) {
    for (const auto& s : report[side]["sentences"]) {
      const auto& near = s["possible_counterparts"];
      if (s["status"] == "kept") {
        EXPECT_TRUE(near.empty()) << s.dump();
      }
      EXPECT_LE(near.size(), 2u);
      for (std::size_t k = 0; k < near.size(); ++k) {
        EXPECT_LT(near[k]["score"].get<double>(), 0.45) << "under the link thresholds";
        EXPECT_GE(near[k]["score"].get<double>(), 0.1);
        if (k > 0) {
          EXPECT_GE(near[k - 1]["score"].get<double>(), near[k]["score"].get<double>());
        }
      }
      listed += near.size();
    }
  }
  EXPECT_GT(listed, 0u);
}

}  // namespace
}  // namespace readout_diff
