#pragma once
// What every engine answer must satisfy, whatever the input. Shared by the fuzz targets; a broken
// invariant prints what broke and aborts, which libFuzzer reports as a crash with the input saved.
//
// The checks are written independently of the core (their own UTF-8 decoder and notion of white
// space), so that they test the engine rather than repeat it.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readout_diff/engine.hpp"

namespace readout_fuzz {

using nlohmann::json;

[[noreturn]] inline void fail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "\nINVARIANT BROKEN: %s\n%s\n", what, detail.substr(0, 4000).c_str());
  std::abort();
}

inline void require(bool condition, const char* what, const std::string& detail = "") {
  if (!condition) fail(what, detail);
}

// A known, reported engine bug that should not stop a fuzzing session looking for others:
// READOUT_FUZZ_TOLERATE=diff-span,zwnbsp-only (names below) makes that invariant print and go on.
// tools/fuzz never sets it, so a known bug still fails the run until it is fixed.
inline bool tolerated(const char* name) {
  static const char* list = std::getenv("READOUT_FUZZ_TOLERATE");
  return list != nullptr && std::strstr(list, name) != nullptr;
}

inline void require_or_known(bool condition, const char* known_bug, const char* what, const std::string& detail = "") {
  if (condition) return;
  if (!tolerated(known_bug)) fail(what, detail);
}

// Bugs found by fuzzing (docs/reliability.md), both fixed in 963ce66; the names stay so that a
// regression can be tolerated the same way while it is being fixed:
//   zwnbsp-only  text whose only visible-looking character is U+FEFF after the BOM is accepted and
//                segments into no sentences, instead of the error "empty"
//   diff-span    a word-diff run of a link joining non-adjacent sentences quotes the sentences
//                between them, which the link does not join
inline constexpr const char* kZwnbspOnly = "zwnbsp-only";
inline constexpr const char* kDiffSpan = "diff-span";

// --- an independent reading of the input ------------------------------------------------------

// Decodes one strict UTF-8 sequence at `i` (Unicode table 3-7, by value ranges rather than by
// lead-byte tables). Returns the length, or 0 when ill-formed; sets `cp`.
inline std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto u = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = u(i);
  std::size_t length;
  char32_t value, minimum;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1Fu, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0Fu, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07u, minimum = 0x10000;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((u(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (u(i + k) & 0x3Fu);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  cp = value;
  return length;
}

// White space as the engine documents it (a sentence never starts or ends with it): Unicode's
// White_Space list, written out, with U+200B and U+FEFF.
inline bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// What check_text_input must answer for `text`: "" when it is acceptable, else the error code,
// with the offset of the first offending byte where there is one.
struct Expected {
  std::string code;  // "", "binary", "invalid_utf8", "empty"
  std::size_t offset = 0;
  bool has_offset = false;
  bool zwnbsp_only = false;  // "empty" only because U+FEFF counts as white space (see kZwnbspOnly)
};

inline Expected expected_ingest(std::string_view text) {
  const std::size_t begin = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (std::size_t i = begin; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool allowed = c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c < 0x20 && !allowed) return {"binary", i, true};
  }
  bool content = false, zwnbsp = false;
  for (std::size_t i = begin; i < text.size();) {
    char32_t cp = 0;
    const std::size_t length = decode(text, i, cp);
    if (length == 0) return {"invalid_utf8", i, true};
    content = content || !is_space(cp);
    zwnbsp = zwnbsp || cp == 0xFEFF;
    i += length;
  }
  if (!content) return {"empty", 0, false, zwnbsp};
  return {};
}

// Is every byte outside the sentence spans white space (or the BOM)? Nothing may be lost.
inline void require_nothing_lost(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::size_t span = 0;
  while (i < text.size()) {
    while (span < spans.size() && spans[span].second <= i) ++span;
    if (span < spans.size() && spans[span].first <= i) {
      i = spans[span].second;
      continue;
    }
    char32_t cp = 0;
    const std::size_t length = decode(text, i, cp);
    require(length > 0, "text outside sentences is valid UTF-8");
    require(is_space(cp), "every character that is not white space is in a sentence",
            "byte " + std::to_string(i) + " (U+" + std::to_string(static_cast<unsigned long>(cp)) + ") is in no sentence");
    i += length;
  }
}

// Does `quote` occur in `text` between the first and the last of the `joined` sentences, without
// taking in a sentence that is not joined? (Word-diff runs of a link quote its sentences only.)
inline bool quotes_only(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& spans,
                        const std::vector<std::size_t>& joined, std::string_view quote) {
  const std::size_t from = spans[joined.front()].first, to = spans[joined.back()].second;
  for (std::size_t at = text.find(quote, from); at != std::string_view::npos && at + quote.size() <= to;
       at = text.find(quote, at + 1)) {
    bool clean = true;
    for (std::size_t k = joined.front() + 1; k < joined.back() && clean; ++k) {
      const bool inside = spans[k].first < at + quote.size() && spans[k].second > at;
      bool is_joined = false;
      for (std::size_t j : joined) is_joined = is_joined || j == k;
      clean = !inside || is_joined;
    }
    if (clean) return true;
  }
  return false;
}

// --- the answer -------------------------------------------------------------------------------

// The engine's answer: JSON (the report is streamed by hand, so this is checked, not assumed), an
// object with the schema (readout-diff/1, or readout-diff-series/1 for track), flagged as an
// error exactly when it holds "error".
inline json parse_answer(const readout_diff::EngineOutput& output, const char* schema = "readout-diff/1") {
  json answer = json::parse(output.json, nullptr, /*allow_exceptions=*/false);
  require(!answer.is_discarded(), "output is JSON", output.json);
  require(answer.is_object(), "output is a JSON object", output.json);
  require(answer.contains("schema") && answer["schema"] == schema, "schema is the entry point's", output.json);
  require(output.is_error == answer.contains("error"), "is_error is set exactly for error objects", output.json);
  return answer;
}

inline std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

// An error object: a known code and a message; a place comes with its line and column and lies
// inside the text it names. When `expected` is given, the code and place must be the expected ones.
inline void check_error(const json& error, std::string_view text, const Expected* expected) {
  require(error.is_object(), "error is an object", error.dump());
  require(error.contains("code") && error["code"].is_string(), "error has a string code", error.dump());
  require(error.contains("message") && error["message"].is_string() && !error["message"].get<std::string>().empty(),
          "error has a message", error.dump());
  static const std::set<std::string> kUserCodes = {"empty",     "binary",      "invalid_utf8",
                                                    "too_large", "bad_options", "too_many_sentences"};
  const std::string code = error["code"];
  require(kUserCodes.count(code) == 1, "error code is one a user can cause (not internal)", error.dump());
  if (error.contains("offset")) {
    require(error["offset"].is_number_unsigned(), "offset is a whole number", error.dump());
    const auto offset = error["offset"].get<std::size_t>();
    require(offset < text.size(), "offset lies inside the text", error.dump());
    require(error.contains("line") && error["line"].is_number_unsigned(), "an offset comes with a line", error.dump());
    require(error.contains("column") && error["column"].is_number_unsigned() && error["column"].get<std::size_t>() >= 1,
            "an offset comes with a column", error.dump());
    require(error["line"].get<std::size_t>() == line_of(text, offset), "line matches the offset", error.dump());
  }
  if (expected != nullptr) {
    require(code == expected->code, "error code is the expected one", "expected " + expected->code + ", got " + error.dump());
    if (expected->has_offset) {
      require(error.contains("offset") && error["offset"].get<std::size_t>() == expected->offset,
              "error points at the first offending byte",
              "expected offset " + std::to_string(expected->offset) + ", got " + error.dump());
    }
  }
}

// A list of sentences over `text`: in order, not overlapping, each span inside the text, its
// "text" exactly the bytes of its span, trimmed of white space, ids 0..n-1. Returns the spans.
inline std::vector<std::pair<std::size_t, std::size_t>> check_sentences(const json& sentences, std::string_view text) {
  require(sentences.is_array(), "sentences is an array", sentences.dump());
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t previous_end = 0;
  std::size_t previous_paragraph = 0;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const json& s = sentences[k];
    require(s.is_object() && s.contains("start") && s.contains("end") && s.contains("text"), "sentence has start, end, text",
            s.dump());
    require(s["start"].is_number_unsigned() && s["end"].is_number_unsigned() && s["text"].is_string(),
            "start and end are whole numbers, text a string", s.dump());
    require(s.contains("id") && s["id"] == k, "sentence ids count from 0", s.dump());
    const auto start = s["start"].get<std::size_t>(), end = s["end"].get<std::size_t>();
    require(start < end, "a sentence is not empty", s.dump());
    require(end <= text.size(), "a sentence ends inside the text", s.dump());
    require(start >= previous_end, "sentences are in order and do not overlap", s.dump());
    require(text.substr(start, end - start) == s["text"].get<std::string>(), "sentence text is its span's bytes",
            s.dump());
    char32_t first = 0, last = 0;
    require(decode(text, start, first) > 0, "a sentence starts on a character", s.dump());
    std::size_t back = end - 1;
    while (back > start && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    require(decode(text, back, last) == end - back, "a sentence ends on a character", s.dump());
    require(!is_space(first) && !is_space(last), "a sentence is trimmed of white space", s.dump());
    require(s.contains("paragraph") && s["paragraph"].is_number_unsigned(), "sentence has a paragraph", s.dump());
    const auto paragraph = s["paragraph"].get<std::size_t>();
    require(k == 0 ? paragraph == 0 : (paragraph == previous_paragraph || paragraph == previous_paragraph + 1),
            "paragraphs count up from 0 one by one", s.dump());
    static const std::set<std::string> kKinds = {"title", "dateline", "body", "signoff"};
    require(s.contains("kind") && s["kind"].is_string() && kKinds.count(s["kind"].get<std::string>()) == 1,
            "sentence kind is known", s.dump());
    if (s.contains("commitment") && !s["commitment"].is_null()) {
      const json& c = s["commitment"];
      require(c.contains("cue_start") && c.contains("cue_end") && c.contains("cue"), "commitment has its cue", s.dump());
      const auto cue_start = c["cue_start"].get<std::size_t>(), cue_end = c["cue_end"].get<std::size_t>();
      require(start <= cue_start && cue_start < cue_end && cue_end <= end, "the cue lies inside its sentence", s.dump());
      require(text.substr(cue_start, cue_end - cue_start) == c["cue"].get<std::string>(), "cue text is its span's bytes",
              s.dump());
    }
    spans.emplace_back(start, end);
    previous_end = end;
    previous_paragraph = paragraph;
  }
  return spans;
}

}  // namespace readout_fuzz
