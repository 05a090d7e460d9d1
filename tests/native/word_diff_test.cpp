// Stage 7 on its own: the word diff of a link's sides, over normalised words, quoting the text as
// written and never running from one sentence into the next.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "readout_diff/builtin_lexicon.hpp"
#include "readout_diff/document.hpp"
#include "readout_diff/features.hpp"
#include "readout_diff/word_diff.hpp"

namespace readout_diff {
namespace {

// One text through stages 1 to 3, kept alive with the analyzer whose vocabulary its tokens use.
struct Analyzed {
  std::string text;
  Document document;
  DocumentFeatures features;
};

class WordDiff : public ::testing::Test {
 protected:
  void SetUp() override {
    auto segmenter = Segmenter::create();
    ASSERT_TRUE(segmenter.ok());
    segmenter_ = segmenter.value();
    auto tokenizer = Tokenizer::create();
    ASSERT_TRUE(tokenizer.ok());
    tokenizer_ = std::move(tokenizer).value();
    ASSERT_TRUE(builtin_lexicon().ok());
    analyzer_ = std::make_unique<Analyzer>(builtin_lexicon().value(), *tokenizer_);
  }

  std::unique_ptr<Analyzed> analyzed(const std::string& text) {
    auto side = std::make_unique<Analyzed>();
    side->text = text;
    auto input = check_text_input(side->text);
    EXPECT_TRUE(input.ok());
    auto document = segmenter_->segment(input.value());
    EXPECT_TRUE(document.ok());
    side->document = std::move(document).value();
    side->features = analyzer_->analyze(side->document);
    return side;
  }

  // The runs between every sentence of `a` and every sentence of `b`, as "op:text" strings.
  std::vector<std::string> diff(const std::string& a, const std::string& b) {
    const auto side_a = analyzed(a), side_b = analyzed(b);
    WordSequence words_a(side_a->document.bytes), words_b(side_b->document.bytes);
    for (const SentenceFeatures& s : side_a->features.sentences) words_a.add_sentence(s.tokens);
    for (const SentenceFeatures& s : side_b->features.sentences) words_b.add_sentence(s.tokens);
    std::vector<std::string> runs;
    for (const DiffRun& run : diff_words(words_a, words_b)) runs.push_back(std::string(to_string(run.op)) + ":" + run.text);
    return runs;
  }

 private:
  std::shared_ptr<Segmenter> segmenter_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<Analyzer> analyzer_;
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
