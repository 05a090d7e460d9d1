// Stage 5 on its own: align() over two readouts analysed by stages 1 to 4, checked against what
// docs/engine.md ("Alignment") says it does.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "readout_diff/detail/aligner.hpp"
#include "test_support.hpp"

namespace readout_diff {
namespace {

class Aligner : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(builtin_link_model().ok());
    options_.model = builtin_link_model().value();
  }

  AnalyzedDocument analyzed(const std::string& text) { return stages_.analyzed(text); }
  Alignment aligned(const AnalyzedDocument& a, const AnalyzedDocument& b) {
    return align(a, b, stages_.vocabulary(), stages_.lexicon(), options_);
  }

  // The link between two one-sentence readouts, which the test expects there to be.
  Link only_link(const std::string& text_a, const std::string& text_b) {
    const Alignment alignment = aligned(analyzed(text_a), analyzed(text_b));
    EXPECT_EQ(alignment.links.size(), 1u);
    return alignment.links.empty() ? Link{} : alignment.links[0];
  }
  static bool has_change(const Link& link, const std::string& change) {
    return std::any_of(link.evidence.changes.begin(), link.evidence.changes.end(), [&](const char* c) { return c == change; });
  }

  AlignOptions options_;

 private:
  testing::Stages stages_;
};

// Links come in order of their first sentence in A, each side's sentences ascending; a sentence
// left unlinked lists at most two likeliest partners under the threshold, likeliest first, and a
// linked one none.
TEST_F(Aligner, LinksAreOrderedAndNearMissesAreTheUnlinkedSentencesOwn) {
  const std::string text_a = testing::corpus(testing::kMoscowEn), text_b = testing::corpus(testing::kDushanbeEn);
  const AnalyzedDocument a = analyzed(text_a), b = analyzed(text_b);
  const Alignment alignment = aligned(a, b);
  ASSERT_FALSE(alignment.links.empty());
  std::vector<bool> linked_a(a.document.sentences.size()), linked_b(b.document.sentences.size());
  for (std::size_t k = 0; k < alignment.links.size(); ++k) {
    const Link& link = alignment.links[k];
    ASSERT_FALSE(link.a.empty());
    ASSERT_FALSE(link.b.empty());
    EXPECT_TRUE(std::is_sorted(link.a.begin(), link.a.end()));
    EXPECT_TRUE(std::is_sorted(link.b.begin(), link.b.end()));
    if (k > 0) {
      EXPECT_LE(alignment.links[k - 1].a.front(), link.a.front());
    }
    EXPECT_GE(link.confidence, 0.0);
    EXPECT_LE(link.confidence, 1.0);
    for (std::size_t i : link.a) linked_a[i] = true;
    for (std::size_t j : link.b) linked_b[j] = true;
  }
  const auto check_near = [](const std::vector<std::vector<NearMiss>>& near, const std::vector<bool>& linked) {
    ASSERT_EQ(near.size(), linked.size());
    for (std::size_t i = 0; i < near.size(); ++i) {
      if (linked[i]) {
        EXPECT_TRUE(near[i].empty()) << i;
      }
      EXPECT_LE(near[i].size(), kNearMissesPerSentence);
      for (std::size_t k = 1; k < near[i].size(); ++k) EXPECT_GE(near[i][k - 1].confidence, near[i][k].confidence);
    }
  };
  check_near(alignment.near_a, linked_a);
  check_near(alignment.near_b, linked_b);
}

// A word-for-word copy is linked whatever the model says, and takes no other partner: with the
// link threshold at 1, the sentences the two texts share are linked to each other, repeated, and
// the rewritten one is left unlinked.
TEST_F(Aligner, ACopiedSentenceIsLinkedWhateverTheThreshold) {
  const std::string text_a = "The two ministers met in Moscow. They discussed the border. They agreed to meet again.";
  const std::string text_b = "The two ministers met in Moscow. The border was on the agenda. They agreed to meet again.";
  const AnalyzedDocument a = analyzed(text_a), b = analyzed(text_b);
  options_.min_link_score = 1.0;
  const Alignment alignment = aligned(a, b);
  ASSERT_EQ(alignment.links.size(), 2u);
  EXPECT_EQ(alignment.links[0].a, (std::vector<std::size_t>{0}));
  EXPECT_EQ(alignment.links[0].b, (std::vector<std::size_t>{0}));
  EXPECT_EQ(alignment.links[1].a, (std::vector<std::size_t>{2}));
  EXPECT_EQ(alignment.links[1].b, (std::vector<std::size_t>{2}));
  for (const Link& link : alignment.links) EXPECT_EQ(link.relation, Relation::repeated);
}

// A negation on one side only is a change of substance: the pair is modified, however alike.
TEST_F(Aligner, ANegationOnOneSideOnlyMakesALinkModified) {
  const Link link = only_link("The two sides agreed to resolve the border issue through talks.",
                              "The two sides did not agree to resolve the border issue through talks.");
  EXPECT_EQ(link.relation, Relation::modified);
  EXPECT_TRUE(has_change(link, "negation") || has_change(link, "polarity"));
}

// Two rounds of a series are two events: "the 29th meeting" against "the 31st" is a change of
// numbers, so the pair is modified, not repeated.
TEST_F(Aligner, MeetingsOfDifferentRoundsAreAChangeOfNumbers) {
  const Link link = only_link("The 29th meeting of the WMCC was held in Beijing.", "The 31st meeting of the WMCC was held in Beijing.");
  EXPECT_EQ(link.relation, Relation::modified);
  EXPECT_EQ(link.evidence.changes.size(), 1u);
  EXPECT_TRUE(has_change(link, "numbers"));
}

// Across Hindi and English the pair meets through the lexicon's concepts and the dictionary.
TEST_F(Aligner, AHindiEnglishPairLinksAcrossLanguages) {
  const std::string text_a = "The two sides agreed to continue talks.", text_b = "दोनों पक्ष बातचीत जारी रखने पर सहमत हुए।";
  const AnalyzedDocument a = analyzed(text_a), b = analyzed(text_b);
  const Alignment alignment = aligned(a, b);
  ASSERT_EQ(alignment.links.size(), 1u);
  EXPECT_TRUE(alignment.links[0].evidence.cross_language);
  EXPECT_GT(alignment.links[0].evidence.concept_overlap, 0.0);
}

TEST_F(Aligner, IsDeterministic) {
  const std::string text_a = testing::corpus(testing::kMoscowEn), text_b = testing::corpus(testing::kDushanbeHi);
  const AnalyzedDocument a = analyzed(text_a), b = analyzed(text_b);
  const Alignment first = aligned(a, b), second = aligned(a, b);
  ASSERT_EQ(first.links.size(), second.links.size());
  for (std::size_t k = 0; k < first.links.size(); ++k) {
    EXPECT_EQ(first.links[k].a, second.links[k].a);
    EXPECT_EQ(first.links[k].b, second.links[k].b);
    EXPECT_EQ(first.links[k].confidence, second.links[k].confidence);
  }
}

}  // namespace
}  // namespace readout_diff
