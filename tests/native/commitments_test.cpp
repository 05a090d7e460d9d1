#include <gtest/gtest.h>

#include "test_support.hpp"

namespace readout_diff {
namespace {

// The commitment a one-sentence readout is found to make (null when none).
nlohmann::json commitment_of(const std::string& sentence) {
  const auto report = testing::segment(sentence);
  EXPECT_FALSE(report.contains("error")) << report.dump();
  EXPECT_EQ(report["sentences"].size(), 1u) << report.dump();
  return report["sentences"][0]["commitment"];
}

TEST(Commitments, ALeadInThatStatesAnAgreementCommits) {
  const auto c = commitment_of("Both Ministers had a frank and constructive discussion and agreed as follows:");
  ASSERT_FALSE(c.is_null());
  EXPECT_EQ(c["cue"], "agreed");
  EXPECT_EQ(c["actor"], "both");
}

TEST(Commitments, EmphasisOnAStatementOfFactCommitsNobody) {
  EXPECT_TRUE(commitment_of("Jaishankar emphasized that maintenance of peace and tranquility in the border areas has been the "
                            "foundation for the development of ties since 1988.")
                  .is_null());
  EXPECT_TRUE(commitment_of("विदेश मंत्री ने इस बात पर जोर दिया कि सीमावर्ती क्षेत्रों में शांति बनाए रखना संबंधों का आधार रहा है।").is_null());
}

TEST(Commitments, EmphasisOnWhatAPartyIsToDoCommits) {
  const auto c = commitment_of("He emphasized that it was in mutual interest that the two sides work towards early resolution.");
  ASSERT_FALSE(c.is_null());
  EXPECT_EQ(c["strength"], "emphasis");
  EXPECT_EQ(c["actor"], "both");
  // A cue that commits by itself is not held to that: "emphasised the need" is a call.
  EXPECT_FALSE(commitment_of("Jaishankar emphasised the need for early disengagement.").is_null());
}

// An English asserting cue is the verb with its that-clause: stressing a position, or a point made
// before the verb, commits nobody even where the sentence names a party after the verb; "reaffirmed
// the importance" is a call, as "stressed the importance" is.
TEST(Commitments, EmphasisWithoutAThatClauseCommitsNobody) {
  EXPECT_TRUE(commitment_of("On the Ukraine issue, China has been playing a constructive role by promoting peace talks, Wang "
                            "underscored during the meeting with the U.S. side.")
                  .is_null());
  EXPECT_TRUE(commitment_of("Wang reaffirmed China's consistent policy towards the United States.").is_null());
  const auto call = commitment_of("Jaishankar reaffirmed the importance of fully abiding by the bilateral agreements and protocols.");
  ASSERT_FALSE(call.is_null());
  EXPECT_EQ(call["cue"], "reaffirmed the importance");
  EXPECT_EQ(call["strength"], "emphasis");
  EXPECT_EQ(call["actor"], "india");
}

TEST(Commitments, ANegatedCueCarriesItsPolarity) {
  const auto english = commitment_of("The two sides did not agree to disengage from the friction points.");
  ASSERT_FALSE(english.is_null());
  EXPECT_EQ(english["polarity"], "negated");
  const auto hindi = commitment_of("दोनों पक्ष पीछे हटने पर सहमत नहीं हुए।");
  ASSERT_FALSE(hindi.is_null());
  EXPECT_EQ(hindi["polarity"], "negated");
  EXPECT_EQ(commitment_of("The two sides agreed to disengage from the friction points.")["polarity"], "affirmed");
}

TEST(Commitments, TwoPartiesNamedBeforeTheCueCommitTogether) {
  const auto c = commitment_of("Wang Yi and Blinken agreed to maintain open lines of communication.");
  ASSERT_FALSE(c.is_null());
  EXPECT_EQ(c["actor"], "both");
}

// A call reported in speech is the speaker's, whoever its clause names (sentences from the Bali
// and Rio readouts); a reported agreement stays the parties'.
TEST(Commitments, ReportedSpeechCommitsTheSpeaker) {
  EXPECT_EQ(commitment_of("Wang said the two countries should take practical actions to implement the important consensus "
                          "of the leaders of the two countries.")["actor"],
            "china");
  EXPECT_EQ(commitment_of("Wang, meanwhile, said both India and China should implement the important consensus reached by "
                          "Prime Minister Narendra Modi and President Xi Jinping.")["actor"],
            "china");
  EXPECT_EQ(commitment_of("The two sides should follow the guidance of the leaders, Jaishankar said.")["actor"], "india");
  EXPECT_EQ(commitment_of("वांग यी ने कहा कि दोनों देशों को व्यावहारिक कदम उठाने चाहिए।")["actor"], "china");
  EXPECT_EQ(commitment_of("विदेश मंत्री ने कहा कि दोनों पक्ष इस बात पर सहमत हुए थे कि मौजूदा स्थिति को लंबा खींचना किसी भी पक्ष के "
                          "हित में नहीं है।")["actor"],
            "both");
}

}  // namespace
}  // namespace readout_diff
