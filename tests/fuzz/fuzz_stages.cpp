// libFuzzer target: the engine's stages (ingest, segment, featurise, commitments, align, word
// diff) through their public headers, with the ICU iterators and the compiled lexicon kept between
// inputs. compare_json builds those afresh for every call, which caps the two entry-point
// targets at tens of inputs a second under the sanitizers; this one runs far faster, so it
// explores segmentation and alignment more deeply. The entry-point targets stay the reference:
// they also cover option parsing and the JSON report.
//
// Input layout: [0xFD k] A 0xFF B, as for fuzz_compare (k picks the alignment settings below);
// with no 0xFF, the input is cut in half at the start of a UTF-8 sequence.
//
// Invariants: ingest accepts exactly what an independent validator accepts; sentence spans are in
// order, disjoint, trimmed, inside the input, equal to their text, at least one, and cover every
// character that is not white space; tokens lie inside their sentence in order; feature lists are
// sorted and unique and name existing lexicon entries; a commitment's cue lies in its sentence;
// links name existing sentences in ascending order, in the documented order, with a score in
// [0, 1]; the word diff of a link quotes text from the link's own sentences only (not from a
// sentence between two it joins).
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "invariants.hpp"
#include "readout_diff/detail/accounting.hpp"
#include "readout_diff/detail/aligner.hpp"
#include "readout_diff/detail/builtin_lexicon.hpp"
#include "readout_diff/detail/commitments.hpp"
#include "readout_diff/detail/document.hpp"
#include "readout_diff/detail/analyzer.hpp"
#include "readout_diff/detail/segmenter.hpp"
#include "readout_diff/detail/link_model.hpp"
#include "readout_diff/detail/text_input.hpp"
#include "readout_diff/detail/word_diff.hpp"

using namespace readout_fuzz;
namespace rd = readout_diff;

namespace {

// The alignment settings a user can reach through the options (defaults first).
rd::AlignOptions align_options(unsigned char k) {
  rd::AlignOptions options;
  options.model = rd::builtin_link_model().value();
  switch (k % 5) {
    case 1: options.min_link_score = options.min_cross_language_score = options.partner_ratio = 0; break;
    case 2: options.partner_ratio = 0.5; break;
    case 3: options.repeated_min_score = 0; break;
    case 4: options.min_link_score = options.min_cross_language_score = options.repeated_min_score = 1; break;
    default: break;
  }
  return options;
}

struct Engine {
  std::unique_ptr<rd::Segmenter> segmenter;
  std::unique_ptr<rd::Tokenizer> tokenizer;
  std::unique_ptr<rd::Analyzer> analyzer;
  std::size_t uses = 0;
};

// The analyzer's vocabulary grows with every input it sees: start a fresh one now and then.
Engine& engine() {
  static Engine instance;
  const auto& lexicon = rd::builtin_lexicon();
  require(lexicon.ok(), "the built-in lexicon loads");
  if (!instance.segmenter) {
    auto segmenter = rd::Segmenter::create();
    require(segmenter.ok(), "the segmenter loads");
    instance.segmenter = std::move(segmenter).value();
  }
  if (!instance.tokenizer) {
    auto tokenizer = rd::Tokenizer::create();
    require(tokenizer.ok(), "the tokenizer loads");
    instance.tokenizer = std::move(tokenizer).value();
  }
  if (!instance.analyzer || ++instance.uses % 500 == 0) {
    instance.analyzer = std::make_unique<rd::Analyzer>(lexicon.value(), *instance.tokenizer);
  }
  return instance;
}

using Side = rd::AnalyzedDocument;

void require_sorted_unique(const std::vector<std::uint32_t>& values, const char* what) {
  for (std::size_t k = 1; k < values.size(); ++k) require(values[k - 1] < values[k], what);
}

// Runs ingest, segmentation, features and commitments on one side; nullopt when ingest refuses
// it (having checked that it had to).
std::optional<Side> analyze(std::string_view text, Engine& e) {
  const Expected expected = expected_ingest(text);
  auto input = rd::check_text_input(text);
  if (!input.ok()) {
    const rd::Error& error = input.error();
    require(!expected.code.empty(), "ingest refuses only what is not a readout", error.code + ": " + error.message);
    require(error.code == expected.code, "ingest names the right problem", "expected " + expected.code + ", got " + error.code);
    require(!expected.has_offset || (error.byte_offset && *error.byte_offset == expected.offset),
            "ingest points at the first offending byte", error.message);
    require(!error.message.empty(), "an ingest error has a message");
    return std::nullopt;
  }
  if (expected.zwnbsp_only) {
    require_or_known(false, kZwnbspOnly, "ingest accepts only readouts", "expected empty");
    return std::nullopt;
  }
  require(expected.code.empty(), "ingest accepts only readouts", "expected " + expected.code);
  auto document = e.segmenter->segment(input.value());
  require(document.ok(), "a readout segments", document.ok() ? "" : document.error().message);
  Side side{std::move(document).value(), {}, {}};
  const auto& lexicon = rd::builtin_lexicon().value();

  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t previous_end = 0;
  for (std::size_t k = 0; k < side.document.sentences.size(); ++k) {
    const rd::Sentence& s = side.document.sentences[k];
    require(s.start < s.end && s.end <= text.size() && s.start >= previous_end, "sentence spans are ordered and inside",
            std::to_string(s.start) + ".." + std::to_string(s.end));
    require(s.text == text.substr(s.start, s.end - s.start), "a sentence's text is its span");
    require(s.text.data() == text.data() + s.start, "a sentence's text views the input");
    char32_t first = 0, last = 0;
    std::size_t back = s.end - 1;
    while (back > s.start && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    require(decode(text, s.start, first) > 0 && decode(text, back, last) == s.end - back,
            "a sentence starts and ends on characters");
    require(!is_space(first) && !is_space(last), "a sentence is trimmed of white space", std::string(s.text));
    spans.emplace_back(s.start, s.end);
    previous_end = s.end;
  }
  require(!spans.empty(), "a readout with visible text has at least one sentence", std::string(text));
  require_nothing_lost(text, spans);

  auto features = e.analyzer->analyze(side.document);
  require(features.ok(), "featurising a segmented document succeeds");
  side.features = std::move(features).value();
  require(side.features.sentences.size() == side.document.sentences.size(), "one feature set per sentence");
  std::optional<rd::Commitment> previous;
  for (std::size_t k = 0; k < side.document.sentences.size(); ++k) {
    const rd::Sentence& s = side.document.sentences[k];
    const rd::SentenceFeatures& f = side.features.sentences[k];
    std::size_t after = s.start;
    for (const rd::Token& token : f.tokens) {
      require(token.start >= after && token.start < token.end && token.end <= s.end, "tokens are in order inside their sentence");
      after = token.end;
    }
    require_sorted_unique(f.content_stems, "content stems are sorted and unique");
    require_sorted_unique(f.trigrams, "trigrams are sorted and unique");
    require_sorted_unique(f.concepts, "concepts are sorted and unique");
    for (auto c : f.concepts) require(c < lexicon.concepts.size(), "concepts exist in the lexicon");
    for (const auto& [matches, entries] : {std::pair{&f.cues, &lexicon.commitment_cues}, std::pair{&f.actors, &lexicon.actors}}) {
      for (const rd::PhraseMatch& m : *matches) {
        require(m.entry < entries->size() && m.first_token < m.end_token && m.end_token <= f.tokens.size(),
                "phrase matches name lexicon entries and tokens");
      }
    }
    auto commitment = rd::detect_commitment(s, f, lexicon, e.analyzer->vocabulary(), previous);
    if (commitment) {
      require(s.start <= commitment->cue_start && commitment->cue_start < commitment->cue_end && commitment->cue_end <= s.end,
              "a cue lies inside its sentence");
      require(commitment->cue == text.substr(commitment->cue_start, commitment->cue_end - commitment->cue_start),
              "a cue's text is its span");
      require(!commitment->actor.empty() && !commitment->actor_label.empty(), "a commitment has an actor");
    }
    side.commitments.push_back(commitment);
    previous = commitment;
  }
  return side;
}

// What an unlinked sentence nearly met: only unlinked sentences, real partners, likeliest first,
// under certainty.
void check_near_misses(const rd::Alignment& alignment, const Side& a, const Side& b) {
  std::vector<bool> linked_a(a.document.sentences.size(), false), linked_b(b.document.sentences.size(), false);
  for (const rd::Link& link : alignment.links) {
    for (std::size_t i : link.a) linked_a[i] = true;
    for (std::size_t j : link.b) linked_b[j] = true;
  }
  for (const auto& [near, linked, partners] :
       {std::tuple{&alignment.near_a, &linked_a, b.document.sentences.size()}, std::tuple{&alignment.near_b, &linked_b, a.document.sentences.size()}}) {
    require(near->size() == linked->size(), "one list of near misses per sentence");
    for (std::size_t s = 0; s < near->size(); ++s) {
      const auto& misses = (*near)[s];
      require(misses.empty() || !(*linked)[s], "only an unlinked sentence has near misses");
      require(misses.size() <= rd::kNearMissesPerSentence, "at most two near misses");
      for (std::size_t k = 0; k < misses.size(); ++k) {
        require(misses[k].sentence < partners, "a near miss names a sentence of the other side");
        require(misses[k].confidence >= 0.0 && misses[k].confidence < 1.0, "a near miss is under certainty");
        require(k == 0 || misses[k - 1].confidence >= misses[k].confidence, "near misses are likeliest first");
      }
    }
  }
}

// Every commitment of both sides has exactly one fate, and its counterparts are real sentences.
void check_accounting(const std::vector<rd::CommitmentFate>& fates, const Side& a, const Side& b) {
  std::size_t commitments = 0;
  for (const Side* side : {&a, &b}) {
    for (const auto& c : side->commitments) commitments += c ? 1 : 0;
  }
  require(fates.size() == commitments, "every commitment is accounted for once");
  for (const rd::CommitmentFate& fate : fates) {
    const Side& own = fate.side == rd::Side::a ? a : b;
    const Side& other = fate.side == rd::Side::a ? b : a;
    require(fate.sentence < own.commitments.size() && own.commitments[fate.sentence].has_value(), "a fate names a commitment");
    for (std::size_t j : fate.counterparts) require(j < other.commitments.size(), "counterparts exist");
    const bool kept = fate.fate == rd::Fate::repeated || fate.fate == rd::Fate::modified;
    require(fate.side == rd::Side::a ? fate.fate != rd::Fate::added : fate.fate != rd::Fate::dropped, "A drops, B adds");
    require(!kept || !fate.counterparts.empty(), "a kept commitment has a committing counterpart");
  }
}

void check_links(const std::vector<rd::Link>& links, const Side& a, const Side& b) {
  for (std::size_t id = 0; id < links.size(); ++id) {
    const rd::Link& link = links[id];
    for (const auto& [indices, limit] : {std::pair{&link.a, a.document.sentences.size()}, std::pair{&link.b, b.document.sentences.size()}}) {
      require(!indices->empty(), "a link joins a sentence on each side");
      for (std::size_t k = 0; k < indices->size(); ++k) {
        require((*indices)[k] < limit, "a link's sentences exist");
        require(k == 0 || (*indices)[k - 1] < (*indices)[k], "a link's sentences are ascending");
      }
    }
    require(link.confidence >= 0.0 && link.confidence <= 1.0, "a link's confidence is in [0, 1]", std::to_string(link.confidence));
    require(link.evidence.similarity >= 0.0 && link.evidence.similarity <= 1.0 + 1e-9, "a link's similarity is in [0, 1]",
            std::to_string(link.evidence.similarity));
    if (id > 0) {
      const rd::Link& before = links[id - 1];
      require(before.a.front() < link.a.front() || (before.a.front() == link.a.front() && before.b.front() <= link.b.front()),
              "links are ordered by their first sentence in A, then in B");
    }
    if (link.evidence.cross_language) continue;
    // The word diff quotes A for equal and delete runs, B for insert runs, from the link's sentences.
    const auto words_of = [](const Side& side, const std::vector<std::size_t>& joined) {
      rd::WordSequence words(side.document.bytes);
      for (std::size_t i : joined) words.add_sentence(side.features.sentences[i].tokens);
      return words;
    };
    const rd::WordSequence words_a = words_of(a, link.a), words_b = words_of(b, link.b);
    if (words_a.tokens().size() > rd::kMaxDiffWords || words_b.tokens().size() > rd::kMaxDiffWords) continue;
    for (const rd::DiffRun& run : rd::diff_words(words_a, words_b)) {
      require(!run.text.empty(), "a diff run has text");
      const bool from_b = run.op == rd::DiffOp::insert;
      const Side& side = from_b ? b : a;
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      for (const rd::Sentence& s : side.document.sentences) spans.emplace_back(s.start, s.end);
      require_or_known(quotes_only(side.document.bytes, spans, from_b ? link.b : link.a, run.text), kDiffSpan,
                       "a diff run quotes only its link's sentences", run.text);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  unsigned char preset = 0;
  if (input.size() >= 2 && static_cast<unsigned char>(input[0]) == 0xFD) {
    preset = static_cast<unsigned char>(input[1]);
    input.remove_prefix(2);
  }
  std::string_view text_a, text_b;
  const std::size_t separator = input.find('\xFF');
  if (separator != std::string_view::npos) {
    text_a = input.substr(0, separator);
    text_b = input.substr(separator + 1);
  } else {
    std::size_t half = input.size() / 2;
    for (int k = 0; k < 3 && half > 0 && (static_cast<unsigned char>(input[half]) & 0xC0) == 0x80; ++k) --half;
    text_a = input.substr(0, half);
    text_b = input.substr(half);
  }
  Engine& e = engine();
  const std::optional<Side> a = analyze(text_a, e);
  const std::optional<Side> b = analyze(text_b, e);
  if (!a || !b) return 0;
  const rd::Alignment alignment =
      rd::align(*a, *b, e.analyzer->vocabulary(), rd::builtin_lexicon().value(), align_options(preset));
  check_links(alignment.links, *a, *b);
  check_near_misses(alignment, *a, *b);
  check_accounting(rd::account_commitments(*a, *b, alignment.links), *a, *b);
  return 0;
}
