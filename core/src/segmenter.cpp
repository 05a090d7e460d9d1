#include <unicode/filteredbrk.h>
#include <unicode/rbbi.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "readout_diff/detail/segmenter.hpp"
#include "utf8.hpp"
#include "word_list.hpp"

// Compiled by genbrk from core/data/sentence-rules.txt; see core/CMakeLists.txt.
extern const unsigned char readout_sentence_rules[];
extern const std::size_t readout_sentence_rules_size;
extern const unsigned char readout_abbreviations[];
extern const std::size_t readout_abbreviations_size;
extern const unsigned char readout_date_words[];
extern const std::size_t readout_date_words_size;

namespace readout_diff {

const char* to_string(SentenceKind kind) {
  switch (kind) {
    case SentenceKind::title: return "title";
    case SentenceKind::dateline: return "dateline";
    case SentenceKind::body: return "body";
    case SentenceKind::signoff: return "signoff";
  }
  return "body";
}

struct Segmenter::Icu {
  std::unique_ptr<icu::BreakIterator> sentences;
};

namespace {

struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};

Error icu_error(const char* what, UErrorCode status) {
  return Error{"internal", std::string("ICU could not ") + what + ": " + u_errorName(status), std::nullopt};
}

std::string_view trim(std::string_view text, std::size_t& start) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t next = begin;
    if (!utf8::is_space(utf8::next(text, next))) break;
    begin = next;
  }
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t previous = end - 1;
    while (previous > begin && utf8::is_continuation(text[previous])) --previous;
    std::size_t probe = previous;
    if (!utf8::is_space(utf8::next(text, probe))) break;
    end = previous;
  }
  start += begin;
  return text.substr(begin, end - begin);
}

// --- sentence kinds -------------------------------------------------------------------------
// A heading-like line is one short sentence with no closing punctuation: a title, a dateline or
// a sign-off. Which of the three depends on where it stands relative to the body text.

constexpr std::size_t kMaxHeadingWords = 25;
constexpr std::size_t kMaxDatelineWords = 10;
// Sign-offs are a place, a date or an agency tag ("Moscow", "(ANI)"); a longer unfinished line
// after the body is a note that belongs to the body.
constexpr std::size_t kMaxSignoffWords = 8;


std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    const bool space = utf8::is_space(utf8::next(text, i));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool ends_like_a_sentence(std::string_view text) {
  static const std::array<std::string_view, 10> kClosers = {".", "।", "?", "!", ":", ";", "\"", "”", "’", "…"};
  for (std::string_view closer : kClosers) {
    if (text.size() >= closer.size() && text.substr(text.size() - closer.size()) == closer) return true;
  }
  return false;
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

bool mentions_a_date(std::string_view text) {
  const std::string lower = ascii_lower(text);
  bool has_digit = false;
  for (char c : lower) has_digit = has_digit || (c >= '0' && c <= '9');
  // Whole-word match for the Latin names, so "mar" does not fire on "Marshal".
  const auto has_word = [&](std::string_view word) {
    for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
      const bool left_ok = at == 0 || !(lower[at - 1] >= 'a' && lower[at - 1] <= 'z');
      const std::size_t after = at + word.size();
      const bool right_ok = after >= lower.size() || !(lower[after] >= 'a' && lower[after] <= 'z');
      if (left_ok && right_ok) return true;
    }
    return false;
  };
  if (!has_digit) return false;
  // Month names and the Hindi word for "date" (core/data/date-words.txt).
  static const std::vector<std::string_view> kDateWords = word_list(readout_date_words, readout_date_words_size);
  return std::any_of(kDateWords.begin(), kDateWords.end(), has_word);
}

void assign_kinds(std::vector<Sentence>& sentences) {
  if (sentences.empty()) return;
  const std::size_t paragraphs = sentences.back().paragraph + 1;
  std::vector<std::size_t> sentences_in(paragraphs, 0);
  for (const Sentence& s : sentences) ++sentences_in[s.paragraph];

  const auto heading_like = [&](const Sentence& s) {
    return sentences_in[s.paragraph] == 1 && word_count(s.text) <= kMaxHeadingWords && !ends_like_a_sentence(s.text);
  };
  std::size_t first_body = paragraphs, last_body = 0;
  bool any_body = false;
  for (const Sentence& s : sentences) {
    if (heading_like(s)) continue;
    any_body = true;
    if (first_body == paragraphs) first_body = s.paragraph;
    last_body = s.paragraph;
  }
  // A text made only of short fragments has no headings to tell apart: it is all body.
  if (!any_body) return;
  for (Sentence& s : sentences) {
    if (!heading_like(s)) continue;
    if (s.paragraph > last_body) {
      s.kind = word_count(s.text) <= kMaxSignoffWords ? SentenceKind::signoff : SentenceKind::body;
    } else if (mentions_a_date(s.text) && word_count(s.text) <= kMaxDatelineWords) {
      s.kind = SentenceKind::dateline;
    } else {
      s.kind = SentenceKind::title;
    }
  }
}

}  // namespace

Segmenter::Segmenter(std::unique_ptr<Icu> icu) : icu_(std::move(icu)) {}
Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::create() {
  UErrorCode status = U_ZERO_ERROR;
  // genbrk writes an ICU data header before the rules; its first two bytes give its length.
  std::uint16_t header_size = 0;
  std::memcpy(&header_size, readout_sentence_rules, sizeof header_size);
  auto rules = std::make_unique<icu::RuleBasedBreakIterator>(
      readout_sentence_rules + header_size, static_cast<uint32_t>(readout_sentence_rules_size - header_size), status);
  if (U_FAILURE(status)) return icu_error("load the sentence rules", status);

  std::unique_ptr<icu::FilteredBreakIteratorBuilder> filter(icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  if (U_FAILURE(status)) return icu_error("create the abbreviation filter", status);
  for (std::string_view abbreviation : word_list(readout_abbreviations, readout_abbreviations_size)) {
    filter->suppressBreakAfter(
        icu::UnicodeString::fromUTF8(icu::StringPiece(abbreviation.data(), static_cast<int32_t>(abbreviation.size()))), status);
  }
  auto icu = std::make_unique<Icu>();
  icu->sentences.reset(filter->wrapIteratorWithFilter(rules.release(), status));
  if (U_FAILURE(status)) return icu_error("apply the abbreviation filter", status);
  return std::unique_ptr<Segmenter>(new Segmenter(std::move(icu)));
}

Result<Document> Segmenter::segment(const TextInput& input) {
  Document document{input.bytes, {}};
  const std::string_view content = input.bytes.substr(input.content_start);
  UErrorCode status = U_ZERO_ERROR;
  // UText over the UTF-8 bytes: ICU's native indices are then byte offsets into `content`.
  std::unique_ptr<UText, UTextCloser> text(
      utext_openUTF8(nullptr, content.data(), static_cast<int64_t>(content.size()), &status));
  if (U_FAILURE(status)) return icu_error("open the text", status);
  icu_->sentences->setText(text.get(), status);
  if (U_FAILURE(status)) return icu_error("start sentence segmentation", status);

  std::size_t paragraph = 0;
  std::size_t line_breaks_seen = 0;  // paragraphs are non-blank lines (any Unicode line end)
  std::size_t scanned = 0;
  bool paragraph_has_sentence = false;
  int32_t previous = icu_->sentences->first();
  for (int32_t boundary = icu_->sentences->next(); boundary != icu::BreakIterator::DONE;
       boundary = icu_->sentences->next()) {
    std::size_t start = static_cast<std::size_t>(previous);
    const std::string_view piece = trim(content.substr(start, static_cast<std::size_t>(boundary - previous)), start);
    previous = boundary;
    if (piece.empty()) continue;
    // Count the line breaks between the previous sentence and this one.
    while (scanned < start) {
      const char32_t c = utf8::next(content, scanned);
      const bool cr_before_lf = c == '\r' && scanned < content.size() && content[scanned] == '\n';
      if (utf8::is_line_end(c) && !cr_before_lf) ++line_breaks_seen;
    }
    if (paragraph_has_sentence && line_breaks_seen > 0) ++paragraph;
    line_breaks_seen = 0;
    paragraph_has_sentence = true;
    scanned = start + piece.size();
    if (document.sentences.size() == kMaxSentences) {
      return Error{"too_many_sentences",
                   "The text has more than " + std::to_string(kMaxSentences) +
                       " sentences; the sentence after the limit starts at byte " +
                       std::to_string(input.content_start + start) + ". Compare a shorter excerpt.",
                   input.content_start + start};
    }
    Sentence sentence;
    sentence.start = input.content_start + start;
    sentence.end = sentence.start + piece.size();
    sentence.paragraph = paragraph;
    sentence.text = input.bytes.substr(sentence.start, piece.size());
    document.sentences.push_back(sentence);
  }
  assign_kinds(document.sentences);
  return document;
}

}  // namespace readout_diff
