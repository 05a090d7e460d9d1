#include <gtest/gtest.h>

#include "readout_diff/detail/normalizer.hpp"

namespace readout_diff {
namespace {

class NormalizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = WordNormalizer::create();
    ASSERT_TRUE(created.ok());
    normalizer = std::make_unique<WordNormalizer>(std::move(created).value());
  }
  std::unique_ptr<WordNormalizer> normalizer;
};

TEST_F(NormalizerTest, FoldsCaseAndCompatibilityForms) {
  EXPECT_EQ(normalizer->normalize("LAC"), "lac");
  EXPECT_EQ(normalizer->normalize("ＷＭＣＣ"), "wmcc");
  EXPECT_EQ(normalizer->normalize("Straße"), "strasse");
}

TEST_F(NormalizerTest, FoldsDevanagariSpellingVariants) {
  EXPECT_EQ(normalizer->normalize("ज़ोर"), normalizer->normalize("जोर"));        // nukta
  EXPECT_EQ(normalizer->normalize("\u095B"), normalizer->normalize("ज"));        // precomposed ज़
  EXPECT_EQ(normalizer->normalize("हाँ"), normalizer->normalize("हां"));          // chandrabindu
  EXPECT_EQ(normalizer->normalize("सितम्बर"), normalizer->normalize("सितंबर"));  // half nasal
  EXPECT_EQ(normalizer->normalize("२०२१"), "2021");                              // digits
}

TEST(Stemmer, UsesSnowballForEachScript) {
  Stemmer stemmer;
  EXPECT_EQ(stemmer.stem("disengagement"), stemmer.stem("disengage"));
  EXPECT_EQ(stemmer.stem("agreed"), stemmer.stem("agree"));
  EXPECT_EQ(stemmer.stem("मुद्दों"), stemmer.stem("मुद्दे"));
  EXPECT_EQ(stemmer.stem("1993"), "1993");
}

}  // namespace
}  // namespace readout_diff
