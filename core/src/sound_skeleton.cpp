#include "readout_diff/sound_skeleton.hpp"

#include <cstdint>

#include "utf8.hpp"

namespace readout_diff {
namespace {

// Devanagari consonants (U+0915 क to U+0939 ह) as the Latin class a romanisation writes them
// with; 0 for a letter that is dropped (ह, as Latin "h" is: both mostly mark aspiration).
// Aspirated and unaspirated pairs share a class (ख/क → k), as do the dental and retroflex stops
// (ट/त → t), which English spellings of Indian names do not tell apart.
constexpr char kDevanagariConsonants[] = {
    'k', 'k', 'g', 'g', 'n',  // क ख ग घ ङ
    'c', 'c', 'j', 'j', 'n',  // च छ ज झ ञ
    't', 't', 'd', 'd', 'n',  // ट ठ ड ढ ण
    't', 't', 'd', 'd', 'n',  // त थ द ध न
    'n',                      // ऩ
    'p', 'f', 'b', 'b', 'm',  // प फ ब भ म
    'y', 'r', 'r', 'l', 'l', 'l', 'v',  // य र ऱ ल ळ ऴ व
    's', 's', 's', 0};        // श ष स ह
constexpr char32_t kFirstConsonant = 0x0915, kLastConsonant = 0x0939;
static_assert(sizeof kDevanagariConsonants == kLastConsonant - kFirstConsonant + 1, "one class per consonant");
constexpr char32_t kCandrabindu = 0x0901, kAnusvara = 0x0902;

// Latin letters as the same classes: "ch" is च's c, a lone c is k, "ph" and f are फ's f, w is v,
// z and x are what Hindi writes them with (ज़ → j after the nukta is folded, क्स).
void latin_class(std::string_view word, std::size_t& i, std::string& out) {
  const char c = word[i];
  const char following = i + 1 < word.size() ? word[i + 1] : '\0';
  ++i;
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'h': return;
    case 'y': if (out.empty()) out += 'y'; return;  // a consonant only where a word starts with it
    case 'c': if (following == 'h') { ++i; out += 'c'; } else { out += 'k'; } return;
    case 'q': out += 'k'; return;
    case 'p': if (following == 'h') { ++i; out += 'f'; } else { out += 'p'; } return;
    case 'w': out += 'v'; return;
    case 'z': out += 'j'; return;
    case 'x': out += "ks"; return;
    default: if (c >= 'a' && c <= 'z') out += c; return;
  }
}

}  // namespace

std::string sound_skeleton(std::string_view word) {
  std::string skeleton;
  for (std::size_t i = 0; i < word.size();) {
    if (static_cast<unsigned char>(word[i]) < 0x80) {
      latin_class(word, i, skeleton);
    } else {
      const char32_t c = utf8::next(word, i);
      if (c >= kFirstConsonant && c <= kLastConsonant) {
        const char letter = kDevanagariConsonants[c - kFirstConsonant];
        if (letter == 'y' && !skeleton.empty()) continue;  // as Latin y: a glide inside a word
        if (letter != 0) skeleton += letter;
      } else if (c == kAnusvara || c == kCandrabindu) {
        skeleton += 'n';
      }  // vowels, vowel signs, virama and anything else carry no consonant
    }
  }
  std::string collapsed;  // doubled letters are one sound ("Ladakh" / "लद्दाख")
  for (char c : skeleton) {
    if (collapsed.empty() || collapsed.back() != c) collapsed += c;
  }
  return collapsed.size() >= kShortestSkeleton ? collapsed : std::string();
}

}  // namespace readout_diff
