#include <gtest/gtest.h>

#include "readout_diff/detail/text_input.hpp"

namespace readout_diff {
namespace {

TEST(TextInput, AcceptsPlainTextAndSkipsTheByteOrderMark) {
  const auto plain = check_text_input("Both sides agreed.");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain.value().content_start, 0u);
  const auto with_bom = check_text_input("\xEF\xBB\xBFदोनों पक्ष सहमत हुए।");
  ASSERT_TRUE(with_bom.ok());
  EXPECT_EQ(with_bom.value().content_start, 3u);
}

TEST(TextInput, ReportsInvalidUtf8WithItsPlace) {
  const std::string text = "line one\nab\xC0\xAF";
  const auto result = check_text_input(text);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "invalid_utf8");
  ASSERT_TRUE(result.error().byte_offset.has_value());
  EXPECT_EQ(*result.error().byte_offset, 11u);
  EXPECT_NE(result.error().message.find("line 2, column 3"), std::string::npos) << result.error().message;
}

TEST(TextInput, RejectsSurrogatesOverlongFormsAndTruncatedSequences) {
  for (const std::string& bad : {std::string("\xED\xA0\x80"), std::string("\xE0\x80\xAF"), std::string("ok \xE0\xA4"),
                                std::string("\xF4\x90\x80\x80"), std::string("\xFF")}) {
    const auto result = check_text_input(bad);
    ASSERT_FALSE(result.ok()) << "accepted " << bad.size() << " bytes";
    EXPECT_EQ(result.error().code, "invalid_utf8");
  }
}

TEST(TextInput, CallsNulAndControlBytesBinary) {
  const auto nul = check_text_input(std::string("abc\0def", 7));
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.error().code, "binary");
  EXPECT_EQ(*nul.error().byte_offset, 3u);
  const auto control = check_text_input("\x89PNG\r\n\x1A\n");
  ASSERT_FALSE(control.ok());
  EXPECT_EQ(control.error().code, "binary");
}

TEST(TextInput, RejectsEmptyAndWhiteSpaceOnly) {
  EXPECT_EQ(check_text_input("").error().code, "empty");
  EXPECT_EQ(check_text_input(" \r\n\t\xC2\xA0\xE3\x80\x80").error().code, "empty");
}

TEST(TextInput, EnforcesTheSizeLimit) {
  const std::string big(101, 'a');
  const auto result = check_text_input(big, 100);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "too_large");
  EXPECT_TRUE(check_text_input(std::string(100, 'a'), 100).ok());
}

}  // namespace
}  // namespace readout_diff

namespace readout_diff {
namespace {

TEST(TextInput, NamesAnEncodedSurrogate) {
  const auto result = check_text_input("ok \xED\xA0\x80 no");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("surrogate"), std::string::npos) << result.error().message;
  EXPECT_EQ(*result.error().byte_offset, 3u);
}

}  // namespace
}  // namespace readout_diff
