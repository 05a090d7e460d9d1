#include "readout_diff/sound_skeleton.hpp"

#include <gtest/gtest.h>

namespace readout_diff {
namespace {

// Names and loanwords as the corpus writes them in both scripts; each expected skeleton worked
// out by hand from the letters (vowels and h dropped, doubled letters once, w as v, c as k).
TEST(SoundSkeleton, NamesMeetAcrossScripts) {
  EXPECT_EQ(sound_skeleton("wang"), "vng");
  EXPECT_EQ(sound_skeleton("वांग"), "vng");
  EXPECT_EQ(sound_skeleton("pangong"), "pngng");
  EXPECT_EQ(sound_skeleton("पैंगोंग"), "pngng");
  EXPECT_EQ(sound_skeleton("jaishankar"), "jsnkr");
  EXPECT_EQ(sound_skeleton("जयशंकर"), "jsnkr");
  EXPECT_EQ(sound_skeleton("commander"), "kmndr");
  EXPECT_EQ(sound_skeleton("कमांडर"), "kmndr");
  EXPECT_EQ(sound_skeleton("ladakh"), "ldk");
  EXPECT_EQ(sound_skeleton("लद्दाख"), "ldk");
}

TEST(SoundSkeleton, ShortSkeletonsSayNothing) {
  EXPECT_EQ(sound_skeleton("yi"), "");    // y alone
  EXPECT_EQ(sound_skeleton("यी"), "");
  EXPECT_EQ(sound_skeleton("china"), "");  // c + n: too short to tell one word from another
  EXPECT_EQ(sound_skeleton(""), "");
  EXPECT_EQ(sound_skeleton("2020"), "");
}

}  // namespace
}  // namespace readout_diff
