#include <gtest/gtest.h>

#include "test_support.hpp"

namespace readout_diff {
namespace {

// The commitments section's entry for one sentence of one side.
nlohmann::json fate_of(const nlohmann::json& report, const char* side, std::size_t sentence) {
  for (const auto& entry : report["commitments"]) {
    if (entry["side"] == side && entry["sentence"] == sentence) return entry;
  }
  ADD_FAILURE() << "no commitment entry for " << side << sentence << " in " << report["commitments"].dump();
  return nullptr;
}

TEST(Accounting, ACommitmentRestatedAsNarrationIsDropped) {
  const auto report = testing::compare("The two sides agreed to maintain dialogue through diplomatic and military channels.",
                                       "The two sides maintained dialogue through diplomatic and military channels.");
  ASSERT_EQ(report["links"].size(), 1u) << report.dump();
  EXPECT_TRUE(report["b"]["sentences"][0]["commitment"].is_null());
  const auto fate = fate_of(report, "a", 0);
  EXPECT_EQ(fate["fate"], "dropped");
  EXPECT_EQ(fate["counterparts"], nlohmann::json::array({0}));  // linked, but B commits to nothing
  EXPECT_EQ(report["summary"]["commitments"]["dropped"], 1);
  EXPECT_EQ(report["summary"]["commitments"]["repeated"], 0);
}

TEST(Accounting, ACommitmentAddedInsideALinkIsNew) {
  const auto report = testing::compare("The two sides maintained dialogue through diplomatic and military channels.",
                                       "The two sides agreed to maintain dialogue through diplomatic and military channels.");
  ASSERT_EQ(report["links"].size(), 1u) << report.dump();
  EXPECT_EQ(fate_of(report, "b", 0)["fate"], "new");
  EXPECT_EQ(report["summary"]["commitments"]["new"], 1);
}

TEST(Accounting, ACommitmentTurnedRoundIsModifiedByItsPolarity) {
  const auto report = testing::compare("The two sides agreed to disengage from the friction points in Eastern Ladakh.",
                                       "The two sides did not agree to disengage from the friction points in Eastern Ladakh.");
  ASSERT_EQ(report["links"].size(), 1u) << report.dump();
  EXPECT_EQ(report["links"][0]["relation"], "modified");
  const auto fate = fate_of(report, "a", 0);
  EXPECT_EQ(fate["fate"], "modified");
  EXPECT_NE(std::find(fate["changes"].begin(), fate["changes"].end(), "polarity"), fate["changes"].end()) << fate.dump();
  EXPECT_EQ(fate_of(report, "b", 0)["fate"], "modified");
  EXPECT_EQ(report["summary"]["commitments"]["modified"], 1);
}

TEST(Accounting, EveryCommitmentOfBothSidesHasOneEntry) {
  const auto report = testing::compare(testing::corpus(testing::kMoscowEn), testing::corpus(testing::kDushanbeHi));
  std::size_t a = 0, b = 0;
  for (const auto& s : report["a"]["sentences"]) a += s["commitment"].is_null() ? 0 : 1;
  for (const auto& s : report["b"]["sentences"]) b += s["commitment"].is_null() ? 0 : 1;
  std::size_t listed_a = 0, listed_b = 0;
  for (const auto& entry : report["commitments"]) (entry["side"] == "a" ? listed_a : listed_b) += 1;
  EXPECT_EQ(listed_a, a);
  EXPECT_EQ(listed_b, b);
  const auto& counts = report["summary"]["commitments"];
  EXPECT_EQ(counts["repeated"].get<std::size_t>() + counts["modified"].get<std::size_t>() + counts["dropped"].get<std::size_t>(), a);
}

}  // namespace
}  // namespace readout_diff
