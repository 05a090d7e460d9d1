#include "readout_diff/detail/normalizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "utf8.hpp"

extern "C" {
#include "api.h"
#include "stem_UTF_8_english.h"
#include "stem_UTF_8_hindi.h"
}

namespace readout_diff {

struct WordNormalizer::Icu {
  const icu::Normalizer2* nfkc_casefold = nullptr;  // owned by ICU
};

Result<WordNormalizer> WordNormalizer::create() {
  UErrorCode status = U_ZERO_ERROR;
  auto icu = std::make_shared<Icu>();
  icu->nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    return Error{"internal", std::string("ICU could not load NFKC_Casefold: ") + u_errorName(status), std::nullopt};
  }
  return WordNormalizer(std::move(icu));
}

namespace {

constexpr char32_t kNukta = 0x093C, kChandrabindu = 0x0901, kAnusvara = 0x0902, kVirama = 0x094D;

// A nasal consonant with virama is written as anusvara only before a stop of its own class
// (सम्बन्ध = संबंध, हिन्दी = हिंदी), never before other consonants (अन्य, उम्मीद stay as they are).
bool is_homorganic_nasal_cluster(char32_t nasal, char32_t next) {
  switch (nasal) {
    case 0x0919: return next >= 0x0915 && next <= 0x0918;  // ङ before क ख ग घ
    case 0x091E: return next >= 0x091A && next <= 0x091D;  // ञ before च छ ज झ
    case 0x0923: return next >= 0x091F && next <= 0x0922;  // ण before ट ठ ड ढ
    case 0x0928: return next >= 0x0924 && next <= 0x0927;  // न before त थ द ध
    case 0x092E: return next >= 0x092A && next <= 0x092D;  // म before प फ ब भ
    default: return false;
  }
}

std::string fold_devanagari(std::string_view text) {
  std::u32string chars;
  for (std::size_t i = 0; i < text.size();) chars.push_back(utf8::next(text, i));
  std::string out;
  out.reserve(text.size());
  for (std::size_t k = 0; k < chars.size(); ++k) {
    const char32_t c = chars[k];
    if (c == kNukta) continue;
    if (c == kChandrabindu) {
      utf8::append(out, kAnusvara);
    } else if (c >= 0x0966 && c <= 0x096F) {
      out += static_cast<char>('0' + (c - 0x0966));
    } else if (k + 2 < chars.size() && chars[k + 1] == kVirama && is_homorganic_nasal_cluster(c, chars[k + 2])) {
      utf8::append(out, kAnusvara);
      ++k;  // the virama goes with the nasal
    } else {
      utf8::append(out, c);
    }
  }
  return out;
}

}  // namespace

std::string WordNormalizer::normalize(std::string_view word) const {
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {  // the common case, without a round trip through UTF-16
    std::string lower(word);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  const icu::UnicodeString folded = icu_->nfkc_casefold->normalize(source, status);
  std::string utf8_folded;
  (U_SUCCESS(status) ? folded : source).toUTF8String(utf8_folded);
  return fold_devanagari(utf8_folded);
}

struct Stemmer::Environments {
  SN_env* english = english_UTF_8_create_env();
  SN_env* hindi = hindi_UTF_8_create_env();
  ~Environments() {
    english_UTF_8_close_env(english);
    hindi_UTF_8_close_env(hindi);
  }
};

Stemmer::Stemmer() : environments_(std::make_unique<Environments>()) {}
Stemmer::~Stemmer() = default;

std::string Stemmer::stem(std::string_view word) {
  bool devanagari = false, latin = false;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = utf8::next(word, i);
    devanagari = devanagari || utf8::is_devanagari(c);
    latin = latin || (c >= 'a' && c <= 'z');
  }
  SN_env* env = devanagari ? environments_->hindi : latin ? environments_->english : nullptr;
  if (env == nullptr || env->p == nullptr) return std::string(word);
  if (SN_set_current(env, static_cast<int>(word.size()), reinterpret_cast<const symbol*>(word.data())) != 0) {
    return std::string(word);
  }
  const int ok = devanagari ? hindi_UTF_8_stem(env) : english_UTF_8_stem(env);
  if (ok < 0) return std::string(word);
  return std::string(reinterpret_cast<const char*>(env->p), static_cast<std::size_t>(env->l));
}

}  // namespace readout_diff
