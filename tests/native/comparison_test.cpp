// Stage 8 on its own: the typed Comparison that compare_documents() gives, before any JSON.
#include <gtest/gtest.h>

#include <string>

#include "readout_diff/engine.hpp"
#include "test_support.hpp"

namespace readout_diff {
namespace {

std::string diff_text(const LinkDiff& diff, DiffOp op) {
  std::string text;
  for (const DiffRun& run : diff.runs) {
    if (run.op == op) text += run.text + "|";
  }
  return text;
}

TEST(Comparison, AModifiedPairCarriesItsOutcomesDiffAndCounts) {
  const std::string a = "The two sides agreed to hold three rounds of border talks in 2021. They discussed trade.";
  const std::string b = "The two sides agreed to hold five rounds of border talks in 2022.";
  const auto compared = compare_documents(a, b, "");
  ASSERT_TRUE(compared.ok()) << compared.error().error.message;
  const Comparison& c = compared.value();
  ASSERT_EQ(c.a.sentences.size(), 2u);
  ASSERT_EQ(c.b.sentences.size(), 1u);
  ASSERT_EQ(c.links.size(), 1u);
  const ComparedLink& link = c.links[0];
  EXPECT_EQ(link.link.relation, Relation::modified);
  EXPECT_EQ(link.link.a, (std::vector<std::size_t>{0}));
  EXPECT_EQ(link.link.b, (std::vector<std::size_t>{0}));
  EXPECT_FALSE(link.diff.omitted);
  ASSERT_EQ(link.link.evidence.changes.size(), 1u);
  EXPECT_STREQ(link.link.evidence.changes[0], "numbers");
  EXPECT_EQ(diff_text(link.diff, DiffOp::remove), "three|2021|");
  EXPECT_EQ(diff_text(link.diff, DiffOp::insert), "five|2022|");
  EXPECT_NE(std::find(link.shared_stems.begin(), link.shared_stems.end(), "border"), link.shared_stems.end());
  // The linked sentences are kept as modified; the trade sentence is unmatched (dropped).
  EXPECT_EQ(c.a.outcomes[0].relation, Relation::modified);
  EXPECT_EQ(c.a.outcomes[0].links, (std::vector<std::size_t>{0}));
  EXPECT_FALSE(c.a.outcomes[1].relation.has_value());
  EXPECT_TRUE(c.a.outcomes[1].links.empty());
  EXPECT_EQ(c.a.sentences[1].sentence.text, "They discussed trade.");
  EXPECT_EQ(c.summary.a.sentences, 2u);
  EXPECT_EQ(c.summary.a.kept, 1u);
  EXPECT_EQ(c.summary.a.unmatched, 1u);
  EXPECT_EQ(c.summary.b.unmatched, 0u);
  EXPECT_EQ(c.summary.modified_links, 1u);
  EXPECT_EQ(c.summary.repeated_links, 0u);
  // Both sentences commit ("agreed to"): A's commitment is carried into B's, its numbers changed.
  EXPECT_TRUE(c.a.sentences[0].commitment.has_value());
  EXPECT_EQ(c.summary.commitments_modified, 1u);
  EXPECT_EQ(c.summary.commitments_repeated, 0u);
}

TEST(Comparison, AReadoutAgainstItselfIsRepeatedThroughoutWithNoDiffs) {
  const std::string text = testing::corpus(testing::kMoscowEn);
  const auto compared = compare_documents(text, text, "");
  ASSERT_TRUE(compared.ok());
  const Comparison& c = compared.value();
  ASSERT_FALSE(c.a.sentences.empty());
  for (const SentenceOutcome& outcome : c.a.outcomes) EXPECT_EQ(outcome.relation, Relation::repeated);
  for (const ComparedLink& link : c.links) {
    EXPECT_TRUE(link.diff.runs.empty());  // identical wording: a diff would only repeat the text
    EXPECT_FALSE(link.diff.omitted);
  }
  EXPECT_EQ(c.summary.a.kept, c.a.sentences.size());
  EXPECT_EQ(c.summary.modified_links, 0u);
  EXPECT_EQ(c.summary.commitments_dropped, 0u);
  EXPECT_EQ(c.summary.commitments_new, 0u);
}

TEST(Comparison, AnErrorSaysWhichReadoutAndWhere) {
  const auto bad_b = compare_documents("Fine text.", "Fine.\nBad \xFF byte", "");
  ASSERT_FALSE(bad_b.ok());
  EXPECT_EQ(bad_b.error().side, Side::b);
  EXPECT_EQ(bad_b.error().error.code, "invalid_utf8");
  EXPECT_EQ(bad_b.error().error.byte_offset, 10u);
  ASSERT_TRUE(bad_b.error().position.has_value());
  EXPECT_EQ(bad_b.error().position->line, 2u);
  EXPECT_EQ(bad_b.error().position->column, 5u);

  const auto empty_a = compare_documents("  ", "Fine text.", "");
  ASSERT_FALSE(empty_a.ok());
  EXPECT_EQ(empty_a.error().side, Side::a);
  EXPECT_FALSE(empty_a.error().position.has_value());

  const auto bad_options = compare_documents("Fine text.", "Fine text.", R"({"partner_ratio":2})");
  ASSERT_FALSE(bad_options.ok());
  EXPECT_FALSE(bad_options.error().side.has_value());
  EXPECT_EQ(bad_options.error().error.code, "bad_options");
}

TEST(Segmentation, ClassifiesEachSentenceWithoutAnAlignment) {
  const auto segmented = segment_document("The two sides agreed to continue talks. The weather was fine.", "");
  ASSERT_TRUE(segmented.ok());
  const Segmentation& s = segmented.value();
  ASSERT_EQ(s.sentences.size(), 2u);
  EXPECT_EQ(s.language, Language::en);
  EXPECT_TRUE(s.sentences[0].commitment.has_value());
  EXPECT_FALSE(s.sentences[1].commitment.has_value());
  EXPECT_EQ(s.sentences[1].sentence.text, "The weather was fine.");

  const auto bad = segment_document("ok\xC0", "");
  ASSERT_FALSE(bad.ok());
  EXPECT_FALSE(bad.error().side.has_value());
  EXPECT_EQ(bad.error().error.byte_offset, 2u);
}

}  // namespace
}  // namespace readout_diff
