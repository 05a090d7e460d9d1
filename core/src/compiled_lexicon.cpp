#include "readout_diff/detail/compiled_lexicon.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace readout_diff {
namespace {

constexpr std::string_view kMagic = "RDLX";
// The strengths by their number in the format, fixed here rather than by the enum's order.
constexpr CommitmentStrength kStrengths[] = {CommitmentStrength::agreed, CommitmentStrength::obligation,
                                             CommitmentStrength::undertaking, CommitmentStrength::emphasis};

class Writer {
 public:
  void number(std::uint64_t value) {
    do {
      auto byte = static_cast<unsigned char>(value & 0x7f);
      value >>= 7;
      if (value != 0) byte = static_cast<unsigned char>(byte | 0x80);
      bytes_.push_back(static_cast<char>(byte));
    } while (value != 0);
  }
  void raw(std::string_view bytes) { bytes_.append(bytes); }
  std::string take() && { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  // A varint of at most 32 bits.
  std::optional<std::uint32_t> number() {
    std::uint32_t value = 0;
    for (unsigned shift = 0; shift < 32; shift += 7) {
      if (position_ == bytes_.size()) return std::nullopt;
      const auto byte = static_cast<unsigned char>(bytes_[position_++]);
      if (shift == 28 && (byte & 0x70) != 0) return std::nullopt;  // past 32 bits
      value |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return std::nullopt;
  }
  // A number below `limit`: an id, an index or a gap to one.
  std::optional<std::uint32_t> below(std::uint64_t limit) {
    const auto value = number();
    if (!value || *value >= limit) return std::nullopt;
    return value;
  }
  // A count of things that take at least a byte each, so never more than the bytes left.
  std::optional<std::uint32_t> count() { return below(std::uint64_t{bytes_.size() - position_} + 1); }
  std::optional<std::string> raw(std::size_t size) {
    if (size > bytes_.size() - position_) return std::nullopt;
    std::string bytes(bytes_.substr(position_, size));
    position_ += size;
    return bytes;
  }
  bool at_end() const { return position_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
};

// Strings as two columns, all the byte counts and then all the bytes: gzip, and so the page,
// compresses text and numbers better apart.
void write_texts(Writer& out, const std::vector<std::string_view>& texts) {
  for (const std::string_view text : texts) out.number(text.size());
  for (const std::string_view text : texts) out.raw(text);
}

std::optional<std::vector<std::string>> read_texts(Reader& in, std::size_t count) {
  std::vector<std::uint32_t> sizes;
  for (std::size_t i = 0; i < count; ++i) {
    const auto size = in.count();
    if (!size) return std::nullopt;
    sizes.push_back(*size);
  }
  std::vector<std::string> texts;
  for (const std::uint32_t size : sizes) {
    auto text = in.raw(size);
    if (!text) return std::nullopt;
    texts.push_back(std::move(*text));
  }
  return texts;
}

// A section's entries: count, ids, labels (0 when the label is the id, as it is for every cue,
// else the byte count + 1, then the bytes of those labels), strengths (plus 4 for a cue that asserts).
void write_entries(Writer& out, const std::vector<CompiledLexicon::Entry>& entries) {
  out.number(entries.size());
  std::vector<std::string_view> ids, own_labels;
  for (const auto& entry : entries) ids.push_back(entry.id);
  write_texts(out, ids);
  for (const auto& entry : entries) {
    out.number(entry.label == entry.id ? 0 : entry.label.size() + 1);
    if (entry.label != entry.id) own_labels.push_back(entry.label);
  }
  for (const std::string_view label : own_labels) out.raw(label);
  for (const auto& entry : entries) {
    const auto strength = static_cast<std::size_t>(std::find(std::begin(kStrengths), std::end(kStrengths), entry.strength) -
                                                   std::begin(kStrengths));
    out.number(strength + (entry.asserts ? std::size(kStrengths) : 0));
  }
}

bool read_entries(Reader& in, std::vector<CompiledLexicon::Entry>& entries) {
  const auto count = in.count();
  if (!count) return false;
  auto ids = read_texts(in, *count);
  if (!ids) return false;
  std::vector<std::optional<std::uint32_t>> label_sizes;  // nullopt: the label is the id
  for (std::uint32_t i = 0; i < *count; ++i) {
    const auto code = in.number();
    if (!code) return false;
    label_sizes.push_back(*code == 0 ? std::nullopt : std::optional<std::uint32_t>(*code - 1));
  }
  for (std::uint32_t i = 0; i < *count; ++i) {
    CompiledLexicon::Entry entry;
    entry.id = std::move((*ids)[i]);
    auto label = label_sizes[i] ? in.raw(*label_sizes[i]) : std::optional<std::string>(entry.id);
    if (!label) return false;
    entry.label = std::move(*label);
    entries.push_back(std::move(entry));
  }
  for (auto& entry : entries) {
    const auto code = in.below(2 * std::size(kStrengths));
    if (!code) return false;
    entry.strength = kStrengths[*code % std::size(kStrengths)];
    entry.asserts = *code >= std::size(kStrengths);
  }
  return true;
}

// `value` as its distance from `from`, zigzag-coded (0, -1, +1, -2, … as 0, 1, 2, 3, …) so that a
// near id takes one byte whichever side it lies on.
std::uint64_t distance_code(std::uint32_t value, std::uint32_t from) {
  return value >= from ? 2 * std::uint64_t{value - from} : 2 * std::uint64_t{from - value} - 1;
}

// The id `code` stands for, if it lies below `limit`.
std::optional<std::uint32_t> from_distance_code(std::uint32_t code, std::uint32_t from, std::size_t limit) {
  const std::uint64_t distance = code % 2 == 0 ? code / 2 : (std::uint64_t{code} + 1) / 2;
  if (code % 2 == 1 && distance > from) return std::nullopt;
  const std::uint64_t value = code % 2 == 0 ? from + distance : from - distance;
  if (value >= limit) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

// Stem ids in phrases, as the compiler met them, mostly grow one or two at a time: each is
// written as its distance from `next`, one past the largest stem id written before it.
std::uint64_t stem_code(std::uint32_t stem, std::uint32_t& next) {
  const std::uint64_t code = distance_code(stem, next);
  next = std::max(next, stem + 1);
  return code;
}

std::optional<std::uint32_t> stem_from_code(std::uint32_t code, std::uint32_t& next, std::size_t vocabulary_size) {
  const auto stem = from_distance_code(code, next, vocabulary_size);
  if (stem) next = std::max(next, *stem + 1);
  return stem;
}

// The word cache: count; word ids, ascending, each as the gap from the one before; stems, as
// distances from their word's id (most are the word itself or the id after it); surfaces (0 when
// the surface is the word's own text, as it is for most, else its byte count + 1; then the bytes
// of those surfaces). A cached word's stopword flag is its word's (compile_lexicon caches after
// flagging), so it is not written.
void write_words(Writer& out, const WordCache& cache, const Vocabulary& vocabulary) {
  std::vector<const WordCache::value_type*> words;
  for (const auto& word : cache) words.push_back(&word);
  std::sort(words.begin(), words.end(), [](const auto* x, const auto* y) {
    return x->second.word != y->second.word ? x->second.word < y->second.word : x->first < y->first;
  });
  out.number(words.size());
  std::uint32_t previous = 0;
  for (const auto* word : words) {
    out.number(word->second.word - previous);
    previous = word->second.word;
  }
  for (const auto* word : words) out.number(distance_code(word->second.stem, word->second.word));
  std::vector<std::string_view> own_surfaces;
  for (const auto* word : words) {
    const bool own_text = word->first == vocabulary.text(word->second.word);
    out.number(own_text ? 0 : word->first.size() + 1);
    if (!own_text) own_surfaces.push_back(word->first);
  }
  for (const std::string_view surface : own_surfaces) out.raw(surface);
}

bool read_words(Reader& in, const Vocabulary& vocabulary, const std::vector<bool>& stopword_words, WordCache& cache) {
  const auto count = in.count();
  if (!count) return false;
  std::vector<CachedWord> words;
  words.reserve(*count);
  std::uint32_t word = 0;
  for (std::uint32_t i = 0; i < *count; ++i) {
    const auto gap = in.below(std::uint64_t{vocabulary.size()} - word);
    if (!gap) return false;
    word += *gap;
    words.push_back(CachedWord{word, 0, stopword_words[word]});
  }
  for (CachedWord& cached : words) {
    const auto code = in.number();
    const auto stem = code ? from_distance_code(*code, cached.word, vocabulary.size()) : std::nullopt;
    if (!stem) return false;
    cached.stem = *stem;
  }
  std::vector<std::uint32_t> surface_codes;
  surface_codes.reserve(*count);
  for (std::uint32_t i = 0; i < *count; ++i) {
    const auto code = in.number();
    if (!code) return false;
    surface_codes.push_back(*code);
  }
  cache.reserve(*count);
  for (std::uint32_t i = 0; i < *count; ++i) {
    auto surface = surface_codes[i] == 0 ? std::optional<std::string>(vocabulary.text(words[i].word)) : in.raw(surface_codes[i] - 1);
    if (!surface || !cache.emplace(std::move(*surface), words[i]).second) return false;  // a repeated surface
  }
  return true;
}

// An index's phrases: count, entries (each as the gap from the one before), stem counts, stems.
// In entry order, and within an entry in the index's own order: the order the compiler added
// them in, except between phrases of one entry that start with different stems, which match()
// never weighs against each other. PhraseIndex::add and finish on the reader's side therefore
// give back the index's order exactly, ties in length included (the earlier entry wins a tie).
void write_phrases(Writer& out, const PhraseIndex& index, std::uint32_t& next_stem) {
  std::vector<PhraseIndex::Phrase> phrases = index.phrases();
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const PhraseIndex::Phrase& x, const PhraseIndex::Phrase& y) { return x.entry < y.entry; });
  out.number(phrases.size());
  std::uint32_t previous_entry = 0;
  for (const auto& phrase : phrases) {
    out.number(phrase.entry - previous_entry);
    previous_entry = phrase.entry;
  }
  for (const auto& phrase : phrases) out.number(phrase.length);
  for (const auto& phrase : phrases) {
    for (const std::uint32_t stem : index.stems_of(phrase)) out.number(stem_code(stem, next_stem));
  }
}

bool read_phrases(Reader& in, std::size_t entries, std::size_t vocabulary_size, std::uint32_t& next_stem,
                  PhraseIndex& index) {
  const auto count = in.count();
  if (!count) return false;
  std::vector<std::uint32_t> phrase_entries, lengths;
  phrase_entries.reserve(*count);
  lengths.reserve(*count);
  std::uint32_t entry = 0;
  for (std::uint32_t i = 0; i < *count; ++i) {
    const auto gap = in.below(std::uint64_t{entries} - entry);
    if (!gap) return false;
    entry += *gap;
    phrase_entries.push_back(entry);
  }
  for (std::uint32_t i = 0; i < *count; ++i) {
    const auto length = in.count();
    if (!length || *length == 0) return false;
    lengths.push_back(*length);
  }
  std::vector<std::uint32_t> stems;
  for (std::uint32_t i = 0; i < *count; ++i) {
    stems.clear();
    for (std::uint32_t k = 0; k < lengths[i]; ++k) {
      const auto code = in.number();
      const auto stem = code ? stem_from_code(*code, next_stem, vocabulary_size) : std::nullopt;
      if (!stem) return false;
      stems.push_back(*stem);
    }
    index.add(stems, phrase_entries[i]);
  }
  index.finish();
  return true;
}

void write_translations(Writer& out, const CompiledLexicon::Translations& table) {
  const auto views = [](const CompiledLexicon::TextColumn& texts) {
    std::vector<std::string_view> all;
    for (std::size_t i = 0; i < texts.size(); ++i) all.push_back(texts[i]);
    return all;
  };
  out.number(table.english.size());
  write_texts(out, views(table.english));
  out.number(table.hindi.size());
  write_texts(out, views(table.hindi));
  for (std::size_t k = 0; k < table.hindi.size(); ++k) {
    out.number(table.first[k + 1] - table.first[k]);
    std::uint32_t previous = 0;
    for (std::uint32_t e = table.first[k]; e < table.first[k + 1]; ++e) {
      out.number(table.english_of[e] - previous);
      previous = table.english_of[e];
    }
  }
}

// Texts written by write_texts, as one column: their byte counts, then their bytes in one piece.
std::optional<CompiledLexicon::TextColumn> read_text_column(Reader& in) {
  const auto count = in.count();
  if (!count) return std::nullopt;
  std::vector<std::uint32_t> sizes;
  sizes.reserve(*count);
  std::uint64_t total = 0;
  for (std::uint32_t i = 0; i < *count; ++i) {
    const auto size = in.count();
    if (!size) return std::nullopt;
    sizes.push_back(*size);
    total += *size;
  }
  if (total > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;  // a column's ends are 32-bit
  auto bytes = in.raw(static_cast<std::size_t>(total));
  if (!bytes) return std::nullopt;
  return CompiledLexicon::TextColumn(std::move(*bytes), sizes);
}

bool read_translations(Reader& in, CompiledLexicon::Translations& table) {
  auto english = read_text_column(in);
  auto hindi = english ? read_text_column(in) : std::nullopt;
  if (!hindi || !english->sorted_unique() || !hindi->sorted_unique()) return false;
  table.english = std::move(*english);
  table.hindi = std::move(*hindi);
  table.first.reserve(table.hindi.size() + 1);
  for (std::size_t k = 0; k < table.hindi.size(); ++k) {
    table.first.push_back(static_cast<std::uint32_t>(table.english_of.size()));
    const auto targets = in.below(std::uint64_t{table.english.size()} + 1);
    if (!targets) return false;
    std::uint32_t index = 0;
    for (std::uint32_t t = 0; t < *targets; ++t) {
      const auto gap = in.below(std::uint64_t{table.english.size()} - index);
      if (!gap) return false;
      index += *gap;
      table.english_of.push_back(index);
    }
  }
  table.first.push_back(static_cast<std::uint32_t>(table.english_of.size()));
  return true;
}

Error damaged(const char* part) {
  return Error{"internal", std::string("The compiled lexicon built into the engine is damaged or of another format (") +
                               part + "): rebuild the engine",
               std::nullopt};
}

}  // namespace

std::string write_compiled_lexicon(const CompiledLexicon& lexicon) {
  Writer out;
  out.number(kMagic.size());
  out.raw(kMagic);
  out.number(kCompiledLexiconFormat);
  write_entries(out, lexicon.concepts);
  write_entries(out, lexicon.commitment_cues);
  write_entries(out, lexicon.actors);
  write_entries(out, lexicon.reporting_verbs);

  const Vocabulary& vocabulary = *lexicon.vocabulary;
  std::vector<std::string_view> texts;
  for (std::uint32_t id = 0; id < vocabulary.size(); ++id) texts.push_back(vocabulary.text(id));
  out.number(texts.size());
  write_texts(out, texts);

  std::vector<std::uint32_t> stopwords;
  for (std::uint32_t id = 0; id < lexicon.stopword_words.size(); ++id) {
    if (lexicon.stopword_words[id]) stopwords.push_back(id);
  }
  out.number(stopwords.size());
  std::uint32_t previous = 0;
  for (const std::uint32_t id : stopwords) {
    out.number(id - previous);
    previous = id;
  }

  write_words(out, lexicon.words, vocabulary);

  std::uint32_t next_stem = 0;
  write_phrases(out, lexicon.concept_phrases, next_stem);
  write_phrases(out, lexicon.cue_phrases, next_stem);
  write_phrases(out, lexicon.actor_phrases, next_stem);
  write_phrases(out, lexicon.reporting_phrases, next_stem);
  write_translations(out, lexicon.translations);
  return std::move(out).take();
}

Result<CompiledLexicon> read_compiled_lexicon(std::string_view bytes) {
  Reader in(bytes);
  const auto magic_size = in.count();
  if (!magic_size || in.raw(*magic_size) != std::optional<std::string>(kMagic) || in.number() != kCompiledLexiconFormat) {
    return damaged("header");
  }
  CompiledLexicon lexicon;
  if (!read_entries(in, lexicon.concepts) || !read_entries(in, lexicon.commitment_cues) || !read_entries(in, lexicon.actors) ||
      !read_entries(in, lexicon.reporting_verbs)) {
    return damaged("entries");
  }

  const auto vocabulary_size = in.count();
  const auto texts = vocabulary_size ? read_texts(in, *vocabulary_size) : std::nullopt;
  if (!texts) return damaged("vocabulary");
  auto vocabulary = std::make_shared<Vocabulary>();
  vocabulary->reserve(texts->size());
  for (const std::string& text : *texts) {
    if (vocabulary->intern(text) + 1 != vocabulary->size()) return damaged("vocabulary");  // a repeated text
  }
  lexicon.vocabulary = std::move(vocabulary);

  const auto stopwords = in.count();
  if (!stopwords) return damaged("stopwords");
  lexicon.stopword_words.assign(*vocabulary_size, false);
  std::uint32_t id = 0;
  for (std::uint32_t i = 0; i < *stopwords; ++i) {
    const auto gap = in.below(std::uint64_t{*vocabulary_size} - id);
    if (!gap) return damaged("stopwords");
    id += *gap;
    lexicon.stopword_words[id] = true;
  }

  if (!read_words(in, *lexicon.vocabulary, lexicon.stopword_words, lexicon.words)) return damaged("word cache");

  std::uint32_t next_stem = 0;
  if (!read_phrases(in, lexicon.concepts.size(), *vocabulary_size, next_stem, lexicon.concept_phrases) ||
      !read_phrases(in, lexicon.commitment_cues.size(), *vocabulary_size, next_stem, lexicon.cue_phrases) ||
      !read_phrases(in, lexicon.actors.size(), *vocabulary_size, next_stem, lexicon.actor_phrases) ||
      !read_phrases(in, lexicon.reporting_verbs.size(), *vocabulary_size, next_stem, lexicon.reporting_phrases)) {
    return damaged("phrases");
  }
  if (!read_translations(in, lexicon.translations) || !in.at_end()) return damaged("translations");
  return lexicon;
}

CompiledLexicon::TextColumn::TextColumn(const std::vector<std::string>& texts) {
  ends_.reserve(texts.size());
  for (const std::string& text : texts) {
    bytes_ += text;
    ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
  }
}

CompiledLexicon::TextColumn::TextColumn(std::string bytes, const std::vector<std::uint32_t>& sizes) : bytes_(std::move(bytes)) {
  ends_.reserve(sizes.size());
  std::uint32_t end = 0;
  for (const std::uint32_t size : sizes) ends_.push_back(end += size);
}

std::size_t CompiledLexicon::TextColumn::lower_bound(std::string_view text) const {
  std::size_t low = 0, high = size();
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if ((*this)[middle] < text) low = middle + 1;
    else high = middle;
  }
  return low;
}

bool CompiledLexicon::TextColumn::sorted_unique() const {
  for (std::size_t i = 1; i < size(); ++i) {
    if ((*this)[i - 1] >= (*this)[i]) return false;
  }
  return true;
}

std::pair<const std::uint32_t*, const std::uint32_t*> CompiledLexicon::Translations::of(std::string_view hindi_stem) const {
  const std::size_t k = hindi.lower_bound(hindi_stem);
  if (k == hindi.size() || hindi[k] != hindi_stem) return {nullptr, nullptr};
  return {english_of.data() + first[k], english_of.data() + first[k + 1]};
}

}  // namespace readout_diff
