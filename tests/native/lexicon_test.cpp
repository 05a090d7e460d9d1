#include <gtest/gtest.h>

#include <set>

#include "readout_diff/builtin_lexicon.hpp"
#include "readout_diff/lexicon.hpp"

namespace readout_diff {
namespace {

const char* kStopwords = R"({"en":["the"],"hi":["का"]})";

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

  EXPECT_FALSE(parse_lexicon("{not json", kStopwords).ok());
  EXPECT_FALSE(parse_lexicon(R"({"schema":"other"})", kStopwords).ok());
}

}  // namespace
}  // namespace readout_diff
