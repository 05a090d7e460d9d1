// Stage 7 on its own: the word diff of a link's sides, over normalised words, quoting the text as
// written and never running from one sentence into the next.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "readout_diff/detail/word_diff.hpp"
#include "test_support.hpp"

namespace readout_diff {
namespace {

class WordDiff : public ::testing::Test {
 protected:
  // The runs between every sentence of `a` and every sentence of `b`, as "op:text" strings.
  std::vector<std::string> diff(const std::string& a, const std::string& b) {
    const AnalyzedDocument side_a = stages_.analyzed(a), side_b = stages_.analyzed(b);
    WordSequence words_a(side_a.document.bytes), words_b(side_b.document.bytes);
    for (const SentenceFeatures& s : side_a.features.sentences) words_a.add_sentence(s.tokens);
    for (const SentenceFeatures& s : side_b.features.sentences) words_b.add_sentence(s.tokens);
    std::vector<std::string> runs;
    for (const DiffRun& run : diff_words(words_a, words_b)) runs.push_back(std::string(to_string(run.op)) + ":" + run.text);
    return runs;
  }

 private:
  testing::Stages stages_;
};

TEST_F(WordDiff, RunsQuoteTheWordsAsWrittenWithTheirInnerPunctuation) {
  EXPECT_EQ(diff("The two sides agreed, after talks, to disengage.", "The two sides agreed, after long talks, to disengage."),
            (std::vector<std::string>{"equal:The two sides agreed, after", "insert:long", "equal:talks, to disengage"}));
}

TEST_F(WordDiff, ADeletionAndAnInsertionAreTheirOwnRuns) {
  EXPECT_EQ(diff("They will hold three rounds of talks.", "They will hold five rounds of talks."),
            (std::vector<std::string>{"equal:They will hold", "delete:three", "insert:five", "equal:rounds of talks"}));
}

TEST_F(WordDiff, WordsCompareNormalisedAndEqualRunsQuoteA) {
  // Case folding and the Devanagari variants (nukta, half-nasal) do not make a difference.
  EXPECT_EQ(diff("THE BORDER AREAS", "the border areas"), (std::vector<std::string>{"equal:THE BORDER AREAS"}));
  EXPECT_EQ(diff("दोनों पक्षों के बीच सम्बन्ध", "दोनों पक्षों के बीच संबंध"),
            (std::vector<std::string>{"equal:दोनों पक्षों के बीच सम्बन्ध"}));
}

TEST_F(WordDiff, ARunNeverCrossesFromOneSentenceIntoTheNext) {
  EXPECT_EQ(diff("The ministers met. They agreed to talk.", "The ministers met. They agreed to talk."),
            (std::vector<std::string>{"equal:The ministers met", "equal:They agreed to talk"}));
}

}  // namespace
}  // namespace readout_diff
