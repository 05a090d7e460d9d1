// The bad-input catalogue (docs/reliability.md): inputs a user can throw at the engine, each with
// the answer it must give — a report, or a clear error with the right code and place — and never
// a crash, a hang or text silently lost. Also the regression inputs found by fuzzing
// (tests/fuzz/), as string literals.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <sys/wait.h>
#include <vector>

#include "../fuzz/invariants.hpp"
#include "readout_diff/detail/text_input.hpp"
#include "test_support.hpp"

namespace readout_diff {
namespace {

using nlohmann::json;
using namespace std::string_literals;

json segment_of(const std::string& text) { return testing::segment(text); }
json compare_of(const std::string& a, const std::string& b, const std::string& options = "") {
  return testing::compare(a, b, options);
}

// The white space a sentence is trimmed of and a UTF-8 decoder, written apart from the engine's.
using readout_fuzz::decode;
using readout_fuzz::is_space;


// An error answer with this code and a message; `offset` (when given) with its line and column.
void expect_error(const json& answer, const std::string& code, std::optional<std::size_t> offset = std::nullopt,
                  std::size_t line = 0, std::size_t column = 0) {
  ASSERT_TRUE(answer.contains("error")) << answer.dump().substr(0, 500);
  EXPECT_EQ(answer["schema"], "readout-diff/1");
  const json& error = answer["error"];
  EXPECT_EQ(error["code"], code) << error.dump();
  ASSERT_TRUE(error.contains("message") && error["message"].is_string()) << error.dump();
  EXPECT_FALSE(error["message"].get<std::string>().empty());
  if (offset) {
    EXPECT_EQ(error.value("offset", json()), *offset) << error.dump();
    EXPECT_EQ(error.value("line", json()), line) << error.dump();
    EXPECT_EQ(error.value("column", json()), column) << error.dump();
    // The message names the place too, for the CLI's stderr.
    EXPECT_NE(error["message"].get<std::string>().find("byte " + std::to_string(*offset)), std::string::npos)
        << error.dump();
  } else {
    EXPECT_FALSE(error.contains("offset")) << error.dump();
  }
}

// Sentences point at the right bytes, in order, without overlap, trimmed, and together hold every
// character of `text` that is not white space: nothing is lost.
void expect_faithful_sentences(const json& sentences, const std::string& text) {
  ASSERT_TRUE(sentences.is_array());
  std::size_t covered_to = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  for (const json& s : sentences) {
    const auto start = s["start"].get<std::size_t>(), end = s["end"].get<std::size_t>();
    ASSERT_LT(start, end) << s.dump();
    ASSERT_LE(end, text.size()) << s.dump();
    ASSERT_GE(start, covered_to) << "sentences overlap or are out of order: " << s.dump();
    EXPECT_EQ(text.substr(start, end - start), s["text"].get<std::string>());
    for (std::size_t i = covered_to; i < start;) {
      char32_t c = 0;
      const std::size_t length = decode(text, i, c);
      ASSERT_GT(length, 0u) << "byte " << i << " starts no UTF-8 sequence";
      EXPECT_TRUE(is_space(c)) << "byte " << i << " is in no sentence";
      i += length;
    }
    covered_to = end;
  }
  for (std::size_t i = covered_to; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = decode(text, i, c);
    ASSERT_GT(length, 0u) << "byte " << i << " starts no UTF-8 sequence";
    EXPECT_TRUE(is_space(c)) << "byte " << i << " (after the last sentence) is in no sentence";
    i += length;
  }
}

// A text compared with itself: every sentence kept, as "repeated"; nothing new or dropped.
void expect_all_repeated(const json& report) {
  ASSERT_FALSE(report.contains("error")) << report.dump().substr(0, 500);
  for (const char* side : {"a", "b"}) {
    for (const json& s : report[side]["sentences"]) {
      EXPECT_EQ(s["status"], "kept") << side << ": " << s["text"];
      EXPECT_EQ(s["relation"], "repeated") << side << ": " << s["text"];
    }
  }
  EXPECT_EQ(report["summary"]["a"]["dropped"], 0);
  EXPECT_EQ(report["summary"]["b"]["new"], 0);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// --- invalid UTF-8 ----------------------------------------------------------------------------

TEST(BadInput, LoneContinuationByteIsInvalidUtf8AtItsOffset) {
  expect_error(segment_of("Talks \x80 held."), "invalid_utf8", 6, 1, 7);
  expect_error(segment_of("Line one.\nTwo \xBF"), "invalid_utf8", 14, 2, 5);
}

TEST(BadInput, TruncatedSequenceIsInvalidUtf8) {
  expect_error(segment_of("Talks \xE0\xA4"), "invalid_utf8", 6, 1, 7);        // at the end of the text
  expect_error(segment_of("ab\xE0\xA4 cd."), "invalid_utf8", 2, 1, 3);        // cut short by a space
  expect_error(segment_of("ab\xF0\x9F\x98"), "invalid_utf8", 2, 1, 3);        // 4-byte sequence, 3 bytes
}

TEST(BadInput, ByteFFIsInvalidUtf8) {
  expect_error(segment_of("Talks\xFF."), "invalid_utf8", 5, 1, 6);
  expect_error(segment_of("\xFE\xFF"), "invalid_utf8", 0, 1, 1);  // a UTF-16 byte order mark
}

TEST(BadInput, OverlongEncodingsAreInvalidUtf8) {
  expect_error(segment_of("x\xC0\xAF"), "invalid_utf8", 1, 1, 2);      // '/' in two bytes
  expect_error(segment_of("x\xE0\x80\xAF"), "invalid_utf8", 1, 1, 2);  // '/' in three bytes
  expect_error(segment_of("x\xC1\xBF"), "invalid_utf8", 1, 1, 2);
  expect_error(segment_of("x\xF0\x80\x80\xAF"), "invalid_utf8", 1, 1, 2);
}

TEST(BadInput, EncodedSurrogatesAndCodePointsPastTheEndAreInvalidUtf8) {
  expect_error(segment_of("x\xED\xA0\x80"), "invalid_utf8", 1, 1, 2);              // U+D800
  expect_error(segment_of("x\xED\xBF\xBF"), "invalid_utf8", 1, 1, 2);              // U+DFFF
  expect_error(segment_of("x\xED\xA0\xBD\xED\xB8\x80"), "invalid_utf8", 1, 1, 2);  // CESU-8 pair
  expect_error(segment_of("x\xF4\x90\x80\x80"), "invalid_utf8", 1, 1, 2);          // U+110000
  // The largest valid code points on either side of the gap are fine.
  EXPECT_FALSE(segment_of("x\xED\x9F\xBF y.").contains("error"));
  EXPECT_FALSE(segment_of("x\xF4\x8F\xBF\xBF y.").contains("error"));
}

TEST(BadInput, CompareNamesTheSideAtFaultWithItsOwnPlace) {
  json report = compare_of("Fine text.", "Line one.\nBad \xC0\xAF here.");
  expect_error(report, "invalid_utf8", 14, 2, 5);
  EXPECT_EQ(report["error"]["side"], "b");
  json both = compare_of("\x80", "\x80");  // A is checked first
  EXPECT_EQ(both["error"]["side"], "a");
}

// --- control bytes, empty documents -----------------------------------------------------------

TEST(BadInput, NulByteMarksABinaryFile) {
  expect_error(segment_of("Talks\0held."s), "binary", 5, 1, 6);
  expect_error(segment_of("\0"s), "binary", 0, 1, 1);
  expect_error(segment_of("ok.\n\x01"), "binary", 4, 2, 1);
  json report = compare_of("Fine text.", "Fine\0"s);
  expect_error(report, "binary", 4, 1, 5);
  EXPECT_EQ(report["error"]["side"], "b");
}

TEST(BadInput, TabsFormFeedsAndVerticalTabsAreText) {
  const std::string text = "One.\tTwo.\fThree.\vFour.";
  json answer = segment_of(text);
  ASSERT_FALSE(answer.contains("error")) << answer.dump();
  expect_faithful_sentences(answer["sentences"], text);
}

TEST(BadInput, EmptyAndWhiteSpaceOnlyDocumentsAreEmpty) {
  for (const std::string& text : {""s, " "s, "\n\n\t \r\n"s, "\xC2\xA0\xC2\xA0"s /* NBSP */, "\xC2\xA0\n\xC2\xA0"s,
                                  "\xE3\x80\x80"s /* ideographic space */, "\xE2\x80\x83\xE2\x80\xAF"s,
                                  "\xEF\xBB\xBF"s /* a byte order mark alone */, "\xEF\xBB\xBF \r\n"s}) {
    SCOPED_TRACE(json(text).dump());
    expect_error(segment_of(text), "empty");
  }
  json report = compare_of("Text.", "\xC2\xA0 \n");
  expect_error(report, "empty");
  EXPECT_EQ(report["error"]["side"], "b");
}

// Fuzzing regression (fuzz_segment, "zwnbsp-only"). U+FEFF after the byte order mark is a
// zero-width no-break space: white space to the segmenter, which trims it, but visible text to
// check_text_input. Such a text is accepted and segments into no sentences at all, so a
// comparison silently has nothing on that side. It must be refused as empty, like NBSP-only text.
TEST(BadInput, ZeroWidthNoBreakSpaceOnlyIsEmpty) {
  for (const std::string& text : {"\xEF\xBB\xBF\xEF\xBB\xBF"s, " \xEF\xBB\xBF\n"s, "\xEF\xBB\xBF\xC2\xA0\xEF\xBB\xBF"s}) {
    SCOPED_TRACE(json(text).dump());
    expect_error(segment_of(text), "empty");
    json report = compare_of(text, "Text.");
    expect_error(report, "empty");
    EXPECT_EQ(report["error"]["side"], "a");
  }
}

// --- size ---------------------------------------------------------------------------------------

TEST(BadInput, OverTheSizeLimitIsTooLarge) {
  const std::string text(kMaxInputBytes + 1, 'a');
  json answer = segment_of(text);
  ASSERT_TRUE(answer.contains("error"));
  EXPECT_EQ(answer["error"]["code"], "too_large");
  EXPECT_NE(answer["error"]["message"].get<std::string>().find("16 MiB"), std::string::npos) << answer["error"];
  EXPECT_EQ(answer["error"]["offset"], kMaxInputBytes);  // where the limit is crossed
  json report = compare_of("Fine.", text);
  EXPECT_EQ(report["error"]["code"], "too_large");
  EXPECT_EQ(report["error"]["side"], "b");
}

TEST(BadInput, TheLimitIsInclusiveAndTheOptionLowersIt) {
  EXPECT_FALSE(compare_of("0123456789", "Short.", R"({"max_bytes":10})").contains("error"));
  json report = compare_of("0123456789X", "Short.", R"({"max_bytes":10})");
  EXPECT_EQ(report["error"]["code"], "too_large");
  EXPECT_EQ(report["error"]["side"], "a");
  EXPECT_EQ(compare_of("a", "b", R"({"max_bytes":16777217})")["error"]["code"], "bad_options");  // not above 16 MiB
}

TEST(BadInput, MoreThanTheSentenceCapIsTooManySentences) {
  const std::string sentence = "The two sides held talks. ";
  std::string text;
  for (std::size_t i = 0; i <= kMaxSentences; ++i) text += sentence;
  const std::size_t first_over = kMaxSentences * sentence.size();  // where sentence 100,001 starts
  expect_error(segment_of(text), "too_many_sentences", first_over, 1, first_over + 1);
  json report = compare_of("Talks.", text);
  EXPECT_EQ(report["error"]["code"], "too_many_sentences");
  EXPECT_EQ(report["error"]["side"], "b");
}

// --- binary files -------------------------------------------------------------------------------

TEST(BadInput, PngIsBinaryWithAnOffset) {
  const std::string png = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5C\x72\xA8\x66"s;
  // Control bytes are named before the first invalid UTF-8 byte (0x89 at 0): "binary" is the
  // better diagnosis. 0x1A stands at byte 6, the start of line 2.
  expect_error(segment_of(png), "binary", 6, 2, 1);
}

TEST(BadInput, PdfIsBinaryOrInvalidUtf8WithAnOffset) {
  // The header alone, with its customary high bytes: not UTF-8.
  expect_error(segment_of("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 44 >>\n"), "invalid_utf8", 10, 2, 2);
  // With a compressed stream: the first control byte marks it binary.
  const std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n\x78\xDA\x03\x00\xFF\xFE"s;
  const std::size_t control = pdf.find('\x03');
  expect_error(segment_of(pdf), "binary", control, 6, 3);
}

// --- odd but valid text -------------------------------------------------------------------------

TEST(BadInput, OneMegabyteSentenceWithoutPunctuationIsOneSentence) {
  const std::array<const char*, 8> words = {"india", "china", "talks", "border", "peace", "tranquility", "agreed",
                                            "continue"};
  std::string text;
  for (std::size_t i = 0; text.size() < 1024 * 1024; ++i) text += std::string(words[(i * 7 + i / 3) % 8]) + " ";
  text.pop_back();
  const auto start = std::chrono::steady_clock::now();
  json answer = segment_of(text);
  ASSERT_FALSE(answer.contains("error"));
  ASSERT_EQ(answer["sentences"].size(), 1u);
  EXPECT_EQ(answer["sentences"][0]["start"], 0);
  EXPECT_EQ(answer["sentences"][0]["end"], text.size());
  const std::string changed = text.substr(0, text.size() - 9) + " resolved. Talks ended.";
  json report = compare_of(text, changed);
  ASSERT_FALSE(report.contains("error"));
  ASSERT_EQ(report["a"]["sentences"].size(), 1u);
  ASSERT_EQ(report["b"]["sentences"].size(), 2u);
  EXPECT_EQ(report["a"]["sentences"][0]["status"], "kept");
  EXPECT_EQ(report["b"]["sentences"][0]["status"], "kept");
  for (const json& link : report["links"]) {
    EXPECT_TRUE(link["diff_omitted"].get<bool>()) << "150,000 words are past the word diff's limit";
  }
  const double elapsed = seconds_since(start);
  std::printf("[   time   ] 1 MB sentence: segment + compare in %.2f s\n", elapsed);
  EXPECT_LT(elapsed, 60.0) << "linear work should take seconds, even under the sanitizers";
}

TEST(BadInput, HundredThousandIdenticalSentencesAgainstAFew) {
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "The two sides held talks. ";
  const std::string few = "The two sides held talks. They agreed to meet again soon.";
  auto start = std::chrono::steady_clock::now();
  json forward = compare_of(many, few);
  const double forward_seconds = seconds_since(start);
  ASSERT_FALSE(forward.contains("error")) << forward["error"];
  EXPECT_EQ(forward["summary"]["a"]["sentences"], 100000);
  EXPECT_EQ(forward["summary"]["a"]["kept"], 100000) << "every copy restates B's first sentence";
  EXPECT_EQ(forward["summary"]["b"]["kept"], 1);
  EXPECT_EQ(forward["b"]["sentences"][1]["status"], "new");

  start = std::chrono::steady_clock::now();
  json backward = compare_of(few, many);
  const double backward_seconds = seconds_since(start);
  ASSERT_FALSE(backward.contains("error")) << backward["error"];
  EXPECT_EQ(backward["summary"]["b"]["sentences"], 100000);
  EXPECT_EQ(backward["a"]["sentences"][0]["status"], "kept");
  EXPECT_EQ(backward["a"]["sentences"][1]["status"], "dropped");
  // Only the candidates A's sentence looks at are linked (AlignOptions::candidates_per_sentence):
  // the other identical copies in B come out "new". Bounded work by design; noted, not asserted.
  std::printf("[   time   ] 100,000 sentences vs 2: %.2f s; 2 vs 100,000: %.2f s (B kept %d of 100000)\n",
              forward_seconds, backward_seconds, backward["summary"]["b"]["kept"].get<int>());
  EXPECT_LT(forward_seconds + backward_seconds, 120.0);
}

TEST(BadInput, OnlyNumbers) {
  const std::string text = "1 2 3 4 5\n2020 2021\n3.5 42 1,000\n\xE0\xA5\xA8\xE0\xA5\xA6\xE0\xA5\xA8\xE0\xA5\xA6";
  json answer = segment_of(text);
  ASSERT_FALSE(answer.contains("error")) << answer.dump();
  expect_faithful_sentences(answer["sentences"], text);
  expect_all_repeated(compare_of(text, text));
}

TEST(BadInput, OnlyPunctuationIsTextWithNothingToAlign) {
  const std::string text = "... !!! ??? ;;; --- \xE0\xA5\xA4\xE0\xA5\xA4 \xE2\x80\xA6 (( )) \"\"";
  json answer = segment_of(text);
  ASSERT_FALSE(answer.contains("error")) << answer.dump();
  ASSERT_FALSE(answer["sentences"].empty());
  expect_faithful_sentences(answer["sentences"], text);
  json report = compare_of(text, text);
  ASSERT_FALSE(report.contains("error"));
  expect_faithful_sentences(report["a"]["sentences"], text);
  expect_faithful_sentences(report["b"]["sentences"], text);
}

TEST(BadInput, MixedScriptsAreKeptWhole) {
  const std::string text =
      "India \xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4 \xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82 "  // India भारत 中文。
      "\xD8\xA7\xD8\xB1\xD8\xAF\xD9\x88 \xD8\xB2\xD8\xA8\xD8\xA7\xD9\x86\xDB\x94\n"                   // اردو زبان۔
      "\xE4\xB8\xAD\xE5\x9B\xBD\xE5\x92\x8C\xE5\x8D\xB0\xE5\xBA\xA6\xE4\xBC\x9A\xE8\xB0\x88\xE3\x80\x82";  // 中国和印度会谈。
  json answer = segment_of(text);
  ASSERT_FALSE(answer.contains("error")) << answer.dump();
  expect_faithful_sentences(answer["sentences"], text);
  ASSERT_EQ(answer["sentences"].size(), 3u) << answer.dump();
  expect_all_repeated(compare_of(text, text));
  // Words that are neither Latin nor Devanagari are neither English nor Hindi: an Urdu or a
  // Chinese sentence must not be labelled "en" (which would compare it with English as the same
  // language). They are counted as Latin today (features.cpp: language_of's caller).
  EXPECT_NE(answer["sentences"][1]["language"].get<std::string>(), "en") << answer["sentences"][1];
  EXPECT_NE(answer["sentences"][2]["language"].get<std::string>(), "en") << answer["sentences"][2];
  EXPECT_EQ(answer["language"].get<std::string>(), "mixed") << "one English word, one Hindi word and others";
}

TEST(BadInput, RightToLeftText) {
  const std::string text =
      "\xE2\x80\x8F\xDB\x8C\xDB\x81 \xD9\xBE\xDB\x81\xD9\x84\xD8\xA7 \xD8\xAC\xD9\x85\xD9\x84\xDB\x81 \xDB\x81\xDB\x92\xDB\x94 "  // RLM یہ پہلا جملہ ہے۔
      "\xDB\x8C\xDB\x81 \xD8\xAF\xD9\x88\xD8\xB3\xD8\xB1\xD8\xA7 \xDB\x81\xDB\x92\xD8\x9F\n"                                        // یہ دوسرا ہے؟
      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D. \xD7\x9E\xD7\x94 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9E\xD7\x9A?";  // שלום עולם. מה שלומך?
  json answer = segment_of(text);
  ASSERT_FALSE(answer.contains("error")) << answer.dump();
  expect_faithful_sentences(answer["sentences"], text);
  EXPECT_EQ(answer["sentences"].size(), 4u) << answer.dump();
  EXPECT_EQ(answer["sentences"][0]["start"], 0) << "the right-to-left mark stays with its sentence";
  expect_all_repeated(compare_of(text, text));
}

TEST(BadInput, CombiningMarkStorm) {
  std::string storm = "a";
  for (int i = 0; i < 10000; ++i) storm += "\xCC\x81";  // U+0301 COMBINING ACUTE ACCENT
  std::string devanagari = "\xE0\xA4\x95";               // क + alternating nukta and acute
  for (int i = 0; i < 10000; ++i) devanagari += i % 2 ? "\xCC\x81" : "\xE0\xA4\xBC";
  for (const std::string& text : {storm, "Before. " + storm + " after.", devanagari}) {
    const auto start = std::chrono::steady_clock::now();
    json answer = segment_of(text);
    ASSERT_FALSE(answer.contains("error"));
    expect_faithful_sentences(answer["sentences"], text);
    expect_all_repeated(compare_of(text, text));
    EXPECT_LT(seconds_since(start), 30.0);
  }
  EXPECT_EQ(segment_of(storm)["sentences"].size(), 1u);
}

TEST(BadInput, HtmlAndScriptTagsAreTextReturnedVerbatim) {
  const std::string text =
      "<p>The talks were held in <b>Moscow</b>.</p>\n<script>alert(\"x\" + '</p>')</script>\n"
      "<!-- comment --> &amp; &lt;tag&gt; <img src=x onerror=alert(1)>";
  json answer = segment_of(text);
  ASSERT_FALSE(answer.contains("error"));
  expect_faithful_sentences(answer["sentences"], text);
  std::string all;
  for (const json& s : answer["sentences"]) all += s["text"].get<std::string>() + "\n";
  EXPECT_NE(all.find("<script>alert(\"x\" + '</p>')</script>"), std::string::npos) << all;
  EXPECT_NE(all.find("&amp; &lt;tag&gt;"), std::string::npos) << "entities are not decoded";
  EXPECT_NE(all.find("<img src=x onerror=alert(1)>"), std::string::npos);
  expect_all_repeated(compare_of(text, text));
}

// --- byte order mark and line ends --------------------------------------------------------------

TEST(BadInput, BomAndCrlfSpansPointAtTheRightBytes) {
  const std::string lf = "Joint Statement\n\nThe Ministers met in Moscow. They agreed on five points.\n1. Troops should disengage.\n";
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : lf) crlf += c == '\n' ? "\r\n"s : std::string(1, c);
  json answer = segment_of(crlf);
  ASSERT_FALSE(answer.contains("error"));
  const json& sentences = answer["sentences"];
  expect_faithful_sentences(sentences, crlf);
  ASSERT_EQ(sentences.size(), 4u) << answer.dump();
  EXPECT_EQ(sentences[0]["start"], 3) << "after the byte order mark";
  EXPECT_EQ(sentences[0]["text"], "Joint Statement");
  EXPECT_EQ(sentences[3]["text"], "1. Troops should disengage.");
  for (const json& s : sentences) EXPECT_EQ(s["text"].get<std::string>().find('\r'), std::string::npos);
  EXPECT_EQ(sentences[1]["paragraph"], sentences[2]["paragraph"]);
  EXPECT_EQ(sentences[3]["paragraph"].get<int>(), sentences[2]["paragraph"].get<int>() + 1);
  // Neither the BOM nor the line ends change what the comparison finds.
  json report = compare_of(lf, crlf);
  expect_all_repeated(report);
  EXPECT_EQ(report["a"]["sentences"].size(), report["b"]["sentences"].size());
  // Old Mac line ends (CR alone) end lines too.
  json cr = segment_of("Title line\rThe Ministers met. They agreed.\r");
  ASSERT_FALSE(cr.contains("error"));
  EXPECT_EQ(cr["sentences"].size(), 3u);
  EXPECT_EQ(cr["sentences"][1]["paragraph"], 1);
}

// Unicode's own line ends: U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR and U+0085 NEXT LINE
// (NEL) are white space and end a line, as LF does: on their own they are no text, no sentence is
// made of one, and a readout written with them reads exactly as with LF.
TEST(BadInput, UnicodeLineAndParagraphSeparatorsEndLines) {
  const std::string ls = "\xE2\x80\xA8", ps = "\xE2\x80\xA9", nel = "\xC2\x85";
  for (const std::string& text : {ls, ps, nel, ls + ls, " " + ps + "\n" + nel + "\t", "\xEF\xBB\xBF" + ls}) {
    SCOPED_TRACE(json(text).dump(-1, ' ', true));
    expect_error(segment_of(text), "empty");
  }
  const std::string lf_text = testing::corpus(testing::kMoscowEn);
  const json lf = segment_of(lf_text);
  ASSERT_FALSE(lf.contains("error"));
  for (const std::string& separator : {ls, ps, nel}) {
    SCOPED_TRACE(json(separator).dump(-1, ' ', true));
    std::string text;
    for (char c : lf_text) text += c == '\n' ? separator : std::string(1, c);
    const json answer = segment_of(text);
    ASSERT_FALSE(answer.contains("error")) << answer.dump();
    expect_faithful_sentences(answer["sentences"], text);
    ASSERT_EQ(answer["sentences"].size(), lf["sentences"].size());
    for (std::size_t k = 0; k < lf["sentences"].size(); ++k) {
      for (const char* field : {"text", "kind", "paragraph"}) {
        EXPECT_EQ(answer["sentences"][k][field], lf["sentences"][k][field]) << "sentence " << k << ", " << field;
      }
    }
    const json report = compare_of(text, text);
    expect_all_repeated(report);
    EXPECT_EQ(report["summary"], compare_of(lf_text, lf_text)["summary"]);
    expect_all_repeated(compare_of(lf_text, text));
  }
  // Blank lines made of separators do not make sentences, and a separator inside a line ends it.
  const json split = segment_of("One." + ls + ls + ps + "Two" + nel + "three.");
  ASSERT_FALSE(split.contains("error")) << split.dump();
  ASSERT_EQ(split["sentences"].size(), 3u) << split.dump();
  EXPECT_EQ(split["sentences"][0]["text"], "One.");
  EXPECT_EQ(split["sentences"][1]["text"], "Two");
  EXPECT_EQ(split["sentences"][2]["paragraph"], 2);
}

TEST(BadInput, CrlfErrorPlacesCountLinesAndCodePoints) {
  expect_error(segment_of("\xEF\xBB\xBFok\r\nbad \xFF"), "invalid_utf8", 11, 2, 5);
  expect_error(segment_of("\xE0\xA4\xAD\xE0\xA4\xBE \x80"), "invalid_utf8", 7, 1, 4);  // columns count characters
}

// A byte order mark is not a character a reader sees: an editor puts the first letter after it
// in column 1. position_of counts the BOM as a column, so every place on line 1 of a file with a
// BOM is one column too far right (here 4, not 3).
TEST(BadInput, ByteOrderMarkIsNotAColumn) {
  expect_error(segment_of("\xEF\xBB\xBF" "ab\xFF"), "invalid_utf8", 5, 1, 3);
}

// --- fuzzing regressions --------------------------------------------------------------------------

// fuzz_compare / fuzz_stages ("diff-span"), first on a corpus readout cut in half. A link that
// joins non-adjacent sentences (a split of A's sentence into B's sentences 0 and 2) gets a word
// diff over their tokens concatenated; a run crossing from sentence 0 into sentence 2 is quoted
// from the document from its first token to its last (word_diff.cpp span_text), so it swallows
// sentence 1, which the link does not join and which is reported "new" on its own.
TEST(BadInput, WordDiffQuotesOnlyTheSentencesOfItsLink) {
  const std::string a = "India and China agreed to continue talks on the border and to maintain peace.";
  const std::string b =
      "India and China agreed to continue talks on the border quickly. The weather was cold in Moscow. "
      "Moreover they agreed to maintain peace.";
  json report = compare_of(a, b);
  ASSERT_FALSE(report.contains("error"));
  ASSERT_EQ(report["b"]["sentences"].size(), 3u);
  ASSERT_EQ(report["links"].size(), 1u) << report["links"].dump();
  EXPECT_EQ(report["links"][0]["b"], json::array({0, 2}));
  for (const json& run : report["links"][0]["diff"]) {
    EXPECT_TRUE(run["text"].get<std::string>().find("weather") == std::string::npos)
        << "a diff run quotes sentence 1, outside the link: " << run.dump();
  }
}

// --- the corpus -------------------------------------------------------------------------------

TEST(BadInput, CorpusDocumentComparedWithItselfIsAllRepeated) {
  std::size_t documents = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::shared_path("corpus"))) {
    if (entry.path().extension() != ".txt") continue;
    ++documents;
    SCOPED_TRACE(entry.path().filename().string());
    const std::string text = testing::corpus(entry.path().filename().string());
    json report = compare_of(text, text);
    expect_all_repeated(report);
    expect_faithful_sentences(report["a"]["sentences"], text);
    EXPECT_EQ(report["summary"]["links"]["modified"], 0);
    EXPECT_EQ(report["summary"]["commitments"]["dropped"], 0);
    EXPECT_EQ(report["summary"]["commitments"]["new"], 0);
    EXPECT_EQ(report["summary"]["commitments"]["modified"], 0);
  }
  EXPECT_GE(documents, 10u);
}

// --- the command line ---------------------------------------------------------------------------

struct CliRun {
  int exit_code;
  std::string out, err;
};

class BadInputCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("readout-bad-input-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string file(const std::string& name, const std::string& bytes) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return "'" + path.string() + "'";
  }

  // `shell_prefix` runs first in the same shell (a ulimit); `stdout_redirect` replaces stdout's pipe.
  CliRun run(const std::string& arguments, const std::string& shell_prefix = "", const std::string& stdout_redirect = "") {
    const auto err_path = dir_ / "stderr.txt";
    const std::string command =
        shell_prefix + "'" + READOUT_DIFF_CLI + "' " + arguments + " 2>'" + err_path.string() + "'" + stdout_redirect;
    FILE* pipe = popen(command.c_str(), "r");
    CliRun result{-1, "", ""};
    std::array<char, 4096> buffer{};
    while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) result.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_path, std::ios::binary);
    result.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
    return result;
  }

  void expect_bad_input(const CliRun& r, const std::string& in_message) {
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(r.out.empty()) << "no report on stdout for bad input: " << r.out.substr(0, 200);
    EXPECT_NE(r.err.find(in_message), std::string::npos) << r.err;
  }

  std::filesystem::path dir_;
};

TEST_F(BadInputCli, ExitCodes) {
  const std::string good = file("good.txt", "The two sides met. They agreed to talk.\n");
  const CliRun ok = run("segment " + good);
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(json::parse(ok.out)["sentences"].size(), 2u);

  const CliRun latin1 = run("segment " + file("latin1.txt", "Caf\xE9 talks.\n"));
  expect_bad_input(latin1, "UTF-8");
  expect_bad_input(latin1, "latin1.txt: ");  // the file at fault is named
  expect_bad_input(latin1, "line 1, column 4");
  expect_bad_input(run("segment " + file("image.png", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s)), "binary");
  expect_bad_input(run("segment " + file("empty.txt", "")), "empty");
  expect_bad_input(run("segment " + file("nbsp.txt", "\xC2\xA0\n")), "white space");
  expect_bad_input(run("compare " + good + " " + file("nul.txt", "ok\0"s)), "nul.txt");
  expect_bad_input(run("segment " + file("big.txt", std::string(kMaxInputBytes + 1, 'a'))), "limit");

  EXPECT_EQ(run("compare " + good).exit_code, 2);
  EXPECT_EQ(run("compare " + good + " " + good + " --options '{\"colour\":1}'").exit_code, 2);
  EXPECT_EQ(run("compare " + good + " " + good + " --options '{\"max_bytes\":0}'").exit_code, 2);
  EXPECT_EQ(run("segment " + good + " --frobnicate").exit_code, 2);
  EXPECT_EQ(run("compare " + good + " " + good).exit_code, 0);
}

// Standard input holds one text: asking for it on both sides is a usage error that says so.
TEST_F(BadInputCli, StandardInputForBothSidesIsAUsageErrorThatSaysWhy) {
  const CliRun both = run("compare - - < " + file("good.txt", "The two sides met.\n"));
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_TRUE(both.out.empty()) << both.out;
  EXPECT_NE(both.err.find("standard input ('-') can be read for one side only"), std::string::npos) << both.err;
}

// What the CLI echoes to the terminal (an option key, a file name) has its control characters
// escaped: "\x1B]0;owned\x07" or a C1 CSI (U+009B) would otherwise drive the terminal.
TEST_F(BadInputCli, ControlCharactersAreEscapedOnStderr) {
  const std::string good = file("good.txt", "The two sides met.\n");
  const CliRun key = run("compare " + good + " " + good + " --options '{\"\\u001b]0;owned\\u0007\\u009b31m\": 1}'");
  EXPECT_EQ(key.exit_code, 2);
  EXPECT_NE(key.err.find("unknown key \"\\x1B]0;owned\\x07\\u009B31m\""), std::string::npos) << key.err;
  const CliRun name = run("segment \"$(printf 'no\\033[2Jsuch\\rfile')\"");
  EXPECT_EQ(name.exit_code, 1);
  EXPECT_NE(name.err.find("cannot read no\\x1B[2Jsuch\\x0Dfile"), std::string::npos) << name.err;
  for (const std::string& err : {key.err, name.err}) {
    for (char c : err) EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20) << "raw control byte " << int(c);
    EXPECT_EQ(err.find("\xC2\x9B"), std::string::npos) << "raw U+009B";
  }
}

// A full disk (or a closed pipe reader that does not kill us) must not pass for success.
TEST_F(BadInputCli, WriteErrorsExitOneWithAMessage) {
  const std::string good = file("good.txt", "The two sides met. They agreed to talk.\n");
  const std::string gold = "'" + testing::shared_path("gold") + "'";
  for (const std::string& arguments : {"compare " + good + " " + good, "segment " + good, "eval " + gold,
                                       "eval " + gold + " --format json", "--help"s}) {
    SCOPED_TRACE(arguments);
    const CliRun full = run(arguments, "", " >/dev/full");
    EXPECT_EQ(full.exit_code, 1) << full.err;
    EXPECT_NE(full.err.find("readout-diff: cannot write the output: No space left on device"), std::string::npos)
        << full.err;
  }
}

// AddressSanitizer reserves terabytes of address space for its shadow memory, so under it a cap on
// virtual memory stops the CLI from starting at all.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
constexpr bool kAddressSanitizer = __has_feature(address_sanitizer);
#else
constexpr bool kAddressSanitizer = false;
#endif

// The CLI stops reading at the limit + 1 byte: an endless or huge input is refused as too_large
// without being read whole. Memory is capped at 512 MiB (a 2 GiB file read whole would not fit;
// not under AddressSanitizer, see above), and /dev/zero never ends, so a CLI that read without
// bound would fail these, not pass slowly.
TEST_F(BadInputCli, EndlessAndHugeInputsAreRefusedAfterTheLimit) {
  const std::string memory_cap = kAddressSanitizer ? "" : "ulimit -v 524288; ";
  const auto bounded = [&](const std::string& arguments) { return run(arguments, memory_cap); };
  const std::string good = file("good.txt", "The two sides met.\n");
  for (const auto& [arguments, named] : {std::pair{"segment /dev/zero"s, "/dev/zero: "s},
                                         {"segment - < /dev/zero"s, "standard input: "s},
                                         {"compare " + good + " /dev/zero"s, "/dev/zero: "s}}) {
    SCOPED_TRACE(arguments);
    const CliRun zero = bounded(arguments);
    expect_bad_input(zero, named);
    expect_bad_input(zero, "limit of 16777216 bytes (16 MiB)");
  }
  // A sparse file: 2 GiB long without taking 2 GiB of disk.
  const auto huge = dir_ / "huge.txt";
  std::ofstream(huge, std::ios::binary) << "The two sides met. ";
  std::filesystem::resize_file(huge, std::uintmax_t{2} << 30);
  const CliRun refused = bounded("compare " + good + " '" + huge.string() + "'");
  expect_bad_input(refused, "huge.txt: ");
  expect_bad_input(refused, "longer than the limit");
}

}  // namespace
}  // namespace readout_diff
