#include "readout_diff/detail/aligner.hpp"

#include "negation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace readout_diff {

bool in_link_order(const Link& x, const Link& y) {
  if (x.a.front() != y.a.front()) return x.a.front() < y.a.front();
  if (x.b.front() != y.b.front()) return x.b.front() < y.b.front();
  return x.a != y.a ? x.a < y.a : x.b < y.b;
}

const char* to_string(Relation relation) { return relation == Relation::repeated ? "repeated" : "modified"; }

namespace {

// How alike two sentences' wording is (the similarity that decides repeated vs modified, and the
// one each sentence's best candidate is measured by): how much each kind of evidence counts, in
// one language and across languages.
constexpr double kStemWeight = 0.50, kTrigramWeight = 0.20, kConceptWeight = 0.30;
constexpr double kCrossConceptWeight = 0.80, kCrossStemWeight = 0.20;
constexpr std::size_t kMaxEvidenceStems = 12;
constexpr double kContainmentShare = 0.5;
// Shared concepts and numbers are counted up to this many in the link model's evidence.
constexpr double kSharedEvidenceCap = 3.0;
// A pair the link model gives less than this chance is no counterpart worth an analyst's look.
constexpr double kLeastNearMiss = 0.1;

using Ids = std::vector<std::uint32_t>;

// What one sentence, or a group of sentences joined by a split or merge, brings to a comparison.
// Feature ids with their weights alongside (looked up once per sentence, not once per pair).
struct WeightedIds {
  Ids ids;
  std::vector<double> weights;
  double total = 0;
};

struct Bag {
  WeightedIds stems, trigrams, concepts, names;
  WeightedIds translated_stems;  // a Hindi sentence's stems with their English translations
  Ids numbers;
  Ids words;  // every word, in order: two sentences with the same words restate each other exactly
  bool commits = false;             // one of its sentences is a commitment (commitments.hpp)
  bool commitment_negated = false;  // … a negated one
  bool negated = false;
  Language language = Language::en;
};

bool identical(const Bag& x, const Bag& y) { return !x.words.empty() && x.words == y.words; }

Ids merge_sorted(const Ids& x, const Ids& y) {
  Ids out;
  std::set_union(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
  return out;
}

// Weighted Dice and containment in the lighter side: a sentence folded into a longer one that
// merges several points is contained in it without being like it as a whole.
struct Share {
  double dice = 0, containment = 0;
  double mixed() const { return kContainmentShare * containment + (1.0 - kContainmentShare) * dice; }
};

class Scorer {
 public:
  Scorer(const Vocabulary& vocabulary, const CompiledLexicon& lexicon, const std::vector<const SentenceFeatures*>& all) {
    total_ = static_cast<double>(all.size());
    Frequencies stem_df, trigram_df, concept_df;
    for (const SentenceFeatures* s : all) {
      for (auto id : s->content_stems) ++stem_df[id];
      for (auto id : s->trigrams) ++trigram_df[id];
      for (auto id : s->concepts) ++concept_df[id];
    }
    largest_weight_ = std::log((total_ + 1.0) / 1.5);  // a feature in one sentence
    stem_weights_ = weights_from(stem_df);
    trigram_weights_ = weights_from(trigram_df);
    concept_weights_ = weights_from(concept_df);
    vocabulary_ = &vocabulary;
    // What the dictionary makes of each Hindi stem: the English stems it translates to that occur
    // in the documents (no other can be shared).
    for (const SentenceFeatures* s : all) {
      if (s->language != Language::hi) continue;
      for (auto id : s->content_stems) {
        if (translations_.count(id) != 0) continue;
        Ids& english = translations_[id];
        const auto [first, last] = lexicon.translations.of(vocabulary.text(id));
        for (auto it = first; it != last; ++it) {
          const auto found = vocabulary.find(std::string(lexicon.translations.english[*it]));
          if (found && stem_weights_.count(*found) != 0) english.push_back(*found);
        }
        std::sort(english.begin(), english.end());
      }
    }
  }

  // `spelled_out` holds the stems of acronyms the sentence spells out in full (see acronyms_spelled_out).
  Bag bag_of(const Sentence& sentence, const SentenceFeatures& s, const std::optional<Commitment>& commitment,
             const Ids& spelled_out) const {
    Bag bag;
    bag.stems = weighted(merge_sorted(s.content_stems, spelled_out), stem_weights_);
    bag.trigrams = weighted(s.trigrams, trigram_weights_);
    bag.concepts = weighted(s.concepts, concept_weights_);
    bag.names = weighted(s.names, stem_weights_);
    if (s.language == Language::hi) {
      Ids stems = bag.stems.ids;
      for (auto id : s.content_stems) stems = merge_sorted(stems, translations_.at(id));
      bag.translated_stems = weighted(std::move(stems), stem_weights_);
    }
    bag.language = s.language;
    for (std::size_t t = 0; t < s.tokens.size(); ++t) {
      const Token& token = s.tokens[t];
      bag.words.push_back(token.word);
      // A leading list number ("2.") numbers the point; it is not part of what is said.
      if (token.number && !(t == 0 && sentence.text.size() > token.end - sentence.start &&
                            sentence.text[token.end - sentence.start] == '.')) {
        bag.numbers.push_back(token.stem);
      }
      // A negation on one side only turns a restatement into a change of substance.
      if (is_negation(vocabulary_->text(token.word))) bag.negated = true;
    }
    std::sort(bag.numbers.begin(), bag.numbers.end());
    bag.numbers.erase(std::unique(bag.numbers.begin(), bag.numbers.end()), bag.numbers.end());
    bag.commits = commitment.has_value();
    bag.commitment_negated = commitment && commitment->negated;
    return bag;
  }

  Bag join(const Bag& x, const Bag& y) const {
    Bag bag;
    bag.stems = weighted(merge_sorted(x.stems.ids, y.stems.ids), stem_weights_);
    bag.trigrams = weighted(merge_sorted(x.trigrams.ids, y.trigrams.ids), trigram_weights_);
    bag.concepts = weighted(merge_sorted(x.concepts.ids, y.concepts.ids), concept_weights_);
    bag.names = weighted(merge_sorted(x.names.ids, y.names.ids), stem_weights_);
    bag.translated_stems = weighted(merge_sorted(x.translated_stems.ids, y.translated_stems.ids), stem_weights_);
    bag.numbers = merge_sorted(x.numbers, y.numbers);
    // Copies joined (a sentence restated word for word many times) keep one copy's words, so a
    // group of copies stays identical to their original and joining them costs no more each time.
    bag.words = x.words;
    if (x.words != y.words) bag.words.insert(bag.words.end(), y.words.begin(), y.words.end());
    bag.commits = x.commits || y.commits;
    bag.commitment_negated = x.commitment_negated || y.commitment_negated;
    bag.negated = x.negated || y.negated;
    bag.language = x.language == y.language ? x.language : Language::mixed;
    return bag;
  }

  static bool cross_language(const Bag& x, const Bag& y) {
    return x.language != y.language && x.language != Language::mixed && y.language != Language::mixed;
  }

  // What a pair shares, measured once: the similarity and the link model's evidence both come
  // from it.
  struct Overlap {
    Share stems, trigrams, concepts;
    bool cross = false;
    double similarity = 0;
  };

  Overlap overlap(const Bag& x, const Bag& y, LinkEvidence* evidence) const {
    Overlap o;
    o.cross = cross_language(x, y);
    // Across languages a Hindi side brings its stems' English translations too, so a pair is
    // measured as if in one language (and the model's weights for one language carry over).
    const WeightedIds& stems_x = o.cross && x.language == Language::hi ? x.translated_stems : x.stems;
    const WeightedIds& stems_y = o.cross && y.language == Language::hi ? y.translated_stems : y.stems;
    o.stems = share(stems_x, stems_y, evidence ? &evidence->shared_stems : nullptr);
    o.concepts = share(x.concepts, y.concepts, evidence ? &evidence->concepts : nullptr);
    const bool any_concepts = !x.concepts.ids.empty() || !y.concepts.ids.empty();
    if (o.cross) {
      o.similarity = any_concepts ? kCrossConceptWeight * o.concepts.mixed() + kCrossStemWeight * o.stems.mixed()
                                  : kCrossStemWeight * o.stems.mixed();
    } else {
      o.trigrams = share(x.trigrams, y.trigrams, nullptr);
      const double words = kStemWeight * o.stems.mixed() + kTrigramWeight * o.trigrams.mixed();
      o.similarity = any_concepts ? words + kConceptWeight * o.concepts.mixed() : words / (kStemWeight + kTrigramWeight);
    }
    if (identical(x, y)) o.similarity = 1.0;  // even words the measures leave out (stopwords) are the same
    if (evidence != nullptr) {
      evidence->stem_overlap = o.stems.mixed();
      evidence->trigram_overlap = o.trigrams.mixed();
      evidence->concept_overlap = o.concepts.mixed();
      evidence->similarity = o.similarity;
      evidence->cross_language = o.cross;
      keep_heaviest_stems(evidence->shared_stems);
    }
    return o;
  }

  // The link model's evidence, but for the two shares of the best, which need every candidate.
  LinkFeatures features(const Bag& x, const Bag& y, const Overlap& o, double drift) const {
    LinkFeatures f{};
    const std::size_t shared_numbers = shared_count(x.numbers, y.numbers);
    const bool both_numbered = !x.numbers.empty() && !y.numbers.empty();
    f[kStemDice] = o.stems.dice;
    f[kCrossStemDice] = o.cross ? o.stems.dice : 0.0;
    f[kTrigramDice] = o.trigrams.dice;
    f[kConceptDice] = o.concepts.dice;
    f[kCrossConceptDice] = o.cross ? o.concepts.dice : 0.0;
    f[kSharedEvidence] =
        std::min(kSharedEvidenceCap, static_cast<double>(shared_count(x.concepts.ids, y.concepts.ids) + shared_numbers)) /
        kSharedEvidenceCap;
    f[kNumbersDiffer] = both_numbered && shared_numbers == 0 ? 1.0 : 0.0;
    f[kPositionDrift] = drift;
    f[kNameDice] = share(x.names, y.names, nullptr).dice;
    f[kRarestShared] = std::max(rarest_shared(x.stems, y.stems), rarest_shared(x.concepts, y.concepts)) / largest_weight_;
    f[kBothCommit] = x.commits && y.commits ? 1.0 : 0.0;
    return f;
  }

  static std::size_t shared_count(const Ids& x, const Ids& y) {
    std::size_t count = 0;
    for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
      if (x[i] < y[j]) ++i;
      else if (y[j] < x[i]) ++j;
      else { ++count; ++i; ++j; }
    }
    return count;
  }

  std::vector<const char*> changes(const Bag& x, const Bag& y) const {
    std::vector<const char*> found;
    if (x.numbers != y.numbers) found.push_back("numbers");
    if (x.negated != y.negated) found.push_back("negation");
    // A commitment made on one side only. (Its wording — "agreed that … should" against "agreed
    // to" — varies too much between restatements to count as a change by itself.)
    if (x.commits != y.commits) found.push_back("commitment");
    else if (x.commits && x.commitment_negated != y.commitment_negated) found.push_back("polarity");
    return found;
  }

  double stem_weight(std::uint32_t id) const { return stem_weights_.at(id); }
  double concept_weight(std::uint32_t id) const { return concept_weights_.at(id); }

 private:
  using Frequencies = std::unordered_map<std::uint32_t, std::uint32_t>;
  using Weights = std::unordered_map<std::uint32_t, double>;

  // Rarer features say more: a smoothed inverse document frequency over both documents.
  Weights weights_from(const Frequencies& df) const {
    Weights weights;
    weights.reserve(df.size());
    for (const auto& [id, count] : df) weights.emplace(id, std::log((total_ + 1.0) / (static_cast<double>(count) + 0.5)));
    return weights;
  }

  static WeightedIds weighted(Ids ids, const Weights& weights) {
    WeightedIds out;
    out.ids = std::move(ids);
    out.weights.reserve(out.ids.size());
    for (auto id : out.ids) {
      out.weights.push_back(weights.at(id));
      out.total += out.weights.back();
    }
    return out;
  }

  static double rarest_shared(const WeightedIds& x, const WeightedIds& y) {
    double rarest = 0;
    for (std::size_t i = 0, j = 0; i < x.ids.size() && j < y.ids.size();) {
      if (x.ids[i] < y.ids[j]) ++i;
      else if (y.ids[j] < x.ids[i]) ++j;
      else { rarest = std::max(rarest, x.weights[i]); ++i; ++j; }
    }
    return rarest;
  }

  static Share share(const WeightedIds& x, const WeightedIds& y, Ids* shared) {
    double common = 0;
    std::size_t i = 0, j = 0;
    while (i < x.ids.size() && j < y.ids.size()) {
      if (x.ids[i] < y.ids[j]) {
        ++i;
      } else if (y.ids[j] < x.ids[i]) {
        ++j;
      } else {
        common += x.weights[i];
        if (shared != nullptr) shared->push_back(x.ids[i]);
        ++i;
        ++j;
      }
    }
    const double sum_x = x.total, sum_y = y.total;
    if (sum_x <= 0 || sum_y <= 0) return Share{};
    return Share{2.0 * common / (sum_x + sum_y), common / std::min(sum_x, sum_y)};
  }

  void keep_heaviest_stems(Ids& stems) const {
    std::stable_sort(stems.begin(), stems.end(), [&](std::uint32_t p, std::uint32_t q) {
      return stem_weight(p) > stem_weight(q);
    });
    if (stems.size() > kMaxEvidenceStems) stems.resize(kMaxEvidenceStems);
  }

  const Vocabulary* vocabulary_ = nullptr;
  double total_ = 0;
  double largest_weight_ = 1;
  Weights stem_weights_, trigram_weights_, concept_weights_;
  std::unordered_map<std::uint32_t, Ids> translations_;  // Hindi stem -> English stems, sorted
};

// The sentences of `to` that share the most (IDF-weighted stems and concepts) with each sentence
// of `from`, from an inverted index over `to` (never all |from|×|to| pairs). Calls found(i, j).
template <class Found>
void search_candidates(const DocumentFeatures& from, const DocumentFeatures& to, const Scorer& scorer,
                       const AlignOptions& options, Found&& found) {
  // Concepts and stems share one key space: concepts are tagged with the top bit.
  constexpr std::uint32_t kConceptKey = 0x80000000u;
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> postings;
  for (std::size_t j = 0; j < to.sentences.size(); ++j) {
    for (auto id : to.sentences[j].content_stems) postings[id].push_back(j);
    for (auto id : to.sentences[j].concepts) postings[id | kConceptKey].push_back(j);
  }
  std::vector<double> overlap(to.sentences.size(), 0.0);
  std::vector<std::size_t> touched;
  const double to_per_from =
      from.sentences.empty() ? 0.0 : static_cast<double>(to.sentences.size()) / static_cast<double>(from.sentences.size());
  for (std::size_t i = 0; i < from.sentences.size(); ++i) {
    const std::size_t expected = static_cast<std::size_t>(static_cast<double>(i) * to_per_from);
    const auto visit = [&](std::uint32_t key, double weight) {
      const auto it = postings.find(key);
      if (it == postings.end()) return;
      const std::vector<std::size_t>& list = it->second;
      std::size_t first = 0, last = list.size();
      if (list.size() > options.max_postings_per_feature) {  // read only near the expected position
        const std::size_t middle = static_cast<std::size_t>(std::lower_bound(list.begin(), list.end(), expected) - list.begin());
        const std::size_t half = options.max_postings_per_feature / 2;
        first = middle > half ? middle - half : 0;
        last = std::min(list.size(), first + options.max_postings_per_feature);
        first = last - std::min(last, options.max_postings_per_feature);
      }
      for (std::size_t k = first; k < last; ++k) {
        if (overlap[list[k]] == 0.0) touched.push_back(list[k]);
        overlap[list[k]] += weight;
      }
    };
    for (auto id : from.sentences[i].content_stems) visit(id, scorer.stem_weight(id));
    for (auto id : from.sentences[i].concepts) visit(id | kConceptKey, scorer.concept_weight(id));
    // Collect and clear only what was touched, so each sentence costs what it shares, not |to|.
    std::vector<std::pair<double, std::size_t>> ranked;
    ranked.reserve(touched.size());
    for (std::size_t j : touched) {
      ranked.emplace_back(overlap[j], j);
      overlap[j] = 0.0;
    }
    touched.clear();
    // Ties go to the nearer expected position, so that copies of one sentence meet their own copy.
    const auto distance = [&](std::size_t j) { return j > expected ? j - expected : expected - j; };
    const auto stronger = [&](const auto& p, const auto& q) {
      if (p.first != q.first) return p.first > q.first;
      if (distance(p.second) != distance(q.second)) return distance(p.second) < distance(q.second);
      return p.second < q.second;
    };
    if (ranked.size() > options.candidates_per_sentence) {  // only the top few need ordering
      std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(options.candidates_per_sentence), ranked.end(), stronger);
      ranked.resize(options.candidates_per_sentence);
    }
    for (const auto& candidate : ranked) found(i, candidate.second);
  }
}

// The sentences of `to` with exactly the words of a sentence of `from`, the nearest to its expected
// position first, up to candidates_per_sentence (sentences of stopwords alone, which the index
// above cannot find, are among them). Calls found(i, j).
template <class Found>
void search_identical(const std::vector<Bag>& from, const std::vector<Bag>& to, const AlignOptions& options, Found&& found) {
  std::map<Ids, std::vector<std::size_t>> by_words;
  for (std::size_t j = 0; j < to.size(); ++j) {
    if (!to[j].words.empty()) by_words[to[j].words].push_back(j);
  }
  const double to_per_from = from.empty() ? 0.0 : static_cast<double>(to.size()) / static_cast<double>(from.size());
  for (std::size_t i = 0; i < from.size(); ++i) {
    const auto it = by_words.find(from[i].words);
    if (it == by_words.end()) continue;
    const std::vector<std::size_t>& list = it->second;
    const std::size_t expected = static_cast<std::size_t>(static_cast<double>(i) * to_per_from);
    const std::size_t middle = static_cast<std::size_t>(std::lower_bound(list.begin(), list.end(), expected) - list.begin());
    const std::size_t half = options.candidates_per_sentence / 2;
    std::size_t first = middle > half ? middle - half : 0;
    const std::size_t last = std::min(list.size(), first + options.candidates_per_sentence);
    first = last - std::min(last, options.candidates_per_sentence);
    for (std::size_t k = first; k < last; ++k) found(i, list[k]);
  }
}

struct Bags {
  Scorer scorer;
  std::vector<Bag> a, b;
};

constexpr std::size_t kShortestAcronym = 2, kLongestAcronym = 6;

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

// Readouts name a body in full in one place and by its acronym in another ("Line of Actual
// Control" / "LAC", "Working Mechanism for Consultation and Coordination" / "WMCC"), and the other
// side's readout often does the opposite. An acronym is a Latin word of 2 to 6 capitals (a plural
// "s" allowed); a sentence spells it out when a run of capitalised words, with lower-case
// stopwords between them, has the acronym's letters as initials. Such a sentence counts the
// acronym's stem among its own. Per sentence of A, then of B: the stems spelled out, sorted.
std::vector<Ids> acronyms_spelled_out(const Document& a, const DocumentFeatures& fa, const Document& b,
                                      const DocumentFeatures& fb) {
  std::unordered_map<std::string, std::uint32_t> acronyms;  // capitals, lower-cased -> stem
  const auto collect = [&](const Document& document, const DocumentFeatures& features) {
    for (const SentenceFeatures& s : features.sentences) {
      for (const Token& token : s.tokens) {
        if (token.script != Script::latin || token.stopword) continue;  // "US" is the pronoun's stem
        std::string_view text = document.bytes.substr(token.start, token.end - token.start);
        if (text.size() > kShortestAcronym && text.back() == 's') text.remove_suffix(1);
        if (text.size() < kShortestAcronym || text.size() > kLongestAcronym) continue;
        if (!std::all_of(text.begin(), text.end(), is_capital)) continue;
        std::string key(text);
        for (char& c : key) c = static_cast<char>(c - 'A' + 'a');
        acronyms.emplace(key, token.stem);
      }
    }
  };
  collect(a, fa);
  collect(b, fb);
  std::vector<Ids> spelled;
  const auto expand = [&](const Document& document, const DocumentFeatures& features) {
    for (const SentenceFeatures& s : features.sentences) {
      Ids found;
      for (std::size_t first = 0; first < s.tokens.size() && !acronyms.empty(); ++first) {
        std::string initials;
        for (std::size_t t = first; t < s.tokens.size() && initials.size() < kLongestAcronym; ++t) {
          const Token& token = s.tokens[t];
          const char lead = document.bytes[token.start];
          if (token.script != Script::latin) break;
          if (!is_capital(lead)) {
            if (token.stopword && !initials.empty()) continue;
            break;
          }
          initials.push_back(static_cast<char>(lead - 'A' + 'a'));
          if (initials.size() < kShortestAcronym) continue;
          const auto it = acronyms.find(initials);
          if (it != acronyms.end()) found.push_back(it->second);
        }
      }
      std::sort(found.begin(), found.end());
      found.erase(std::unique(found.begin(), found.end()), found.end());
      spelled.push_back(std::move(found));
    }
  };
  expand(a, fa);
  expand(b, fb);
  return spelled;
}

Bags bags_of(const AnalyzedDocument& side_a, const AnalyzedDocument& side_b, const Vocabulary& vocabulary,
             const CompiledLexicon& lexicon) {
  const Document &a = side_a.document, &b = side_b.document;
  const DocumentFeatures &fa = side_a.features, &fb = side_b.features;
  std::vector<const SentenceFeatures*> all;
  for (const auto& s : fa.sentences) all.push_back(&s);
  for (const auto& s : fb.sentences) all.push_back(&s);
  Bags bags{Scorer(vocabulary, lexicon, all), {}, {}};
  const std::vector<Ids> spelled_out = acronyms_spelled_out(a, fa, b, fb);
  for (std::size_t i = 0; i < fa.sentences.size(); ++i) {
    bags.a.push_back(bags.scorer.bag_of(a.sentences[i], fa.sentences[i], side_a.commitments[i], spelled_out[i]));
  }
  for (std::size_t j = 0; j < fb.sentences.size(); ++j) {
    bags.b.push_back(
        bags.scorer.bag_of(b.sentences[j], fb.sentences[j], side_b.commitments[j], spelled_out[fa.sentences.size() + j]));
  }
  return bags;
}

std::vector<CandidatePair> candidates_of(const DocumentFeatures& fa, const DocumentFeatures& fb, const Bags& bags,
                                         const AlignOptions& options) {
  // Searched from both sides, so that a sentence of B that many of A's resemble still meets its
  // own best partners (a document compared with itself pairs every copy with a copy).
  std::vector<std::pair<std::size_t, std::size_t>> found;
  search_candidates(fa, fb, bags.scorer, options, [&](std::size_t i, std::size_t j) { found.emplace_back(i, j); });
  search_candidates(fb, fa, bags.scorer, options, [&](std::size_t j, std::size_t i) { found.emplace_back(i, j); });
  search_identical(bags.a, bags.b, options, [&](std::size_t i, std::size_t j) { found.emplace_back(i, j); });
  search_identical(bags.b, bags.a, options, [&](std::size_t j, std::size_t i) { found.emplace_back(i, j); });
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());

  const double size_a = static_cast<double>(std::max<std::size_t>(1, fa.sentences.size()));
  const double size_b = static_cast<double>(std::max<std::size_t>(1, fb.sentences.size()));
  std::vector<CandidatePair> candidates;
  candidates.reserve(found.size());
  std::vector<double> best_a(fa.sentences.size(), 0.0), best_b(fb.sentences.size(), 0.0);
  for (const auto& [i, j] : found) {
    const Scorer::Overlap o = bags.scorer.overlap(bags.a[i], bags.b[j], nullptr);
    const double drift = std::fabs(static_cast<double>(i) / size_a - static_cast<double>(j) / size_b);
    candidates.push_back(CandidatePair{i, j, o.similarity, o.cross, bags.scorer.features(bags.a[i], bags.b[j], o, drift)});
    best_a[i] = std::max(best_a[i], o.similarity);
    best_b[j] = std::max(best_b[j], o.similarity);
  }
  for (CandidatePair& c : candidates) {
    c.features[kShareOfBestForA] = best_a[c.a] > 0 ? c.similarity / best_a[c.a] : 0.0;
    c.features[kShareOfBestForB] = best_b[c.b] > 0 ? c.similarity / best_b[c.b] : 0.0;
  }
  return candidates;
}

struct Pair {
  std::size_t a, b;
  double confidence;
  bool identical;
};

// A link between these sentences (ascending), measured on their words joined: its evidence, what
// changed, the relation, and the confidence of its likeliest pair in `confidence_of` (0 if none is).
Link measured_link(const Bags& bags, const std::vector<std::size_t>& group_a, const std::vector<std::size_t>& group_b,
                   const AlignOptions& options, const std::map<std::pair<std::size_t, std::size_t>, double>& confidence_of) {
  const Scorer& scorer = bags.scorer;
  Bag joined_a = bags.a[group_a.front()];
  for (std::size_t k = 1; k < group_a.size(); ++k) joined_a = scorer.join(joined_a, bags.a[group_a[k]]);
  Bag joined_b = bags.b[group_b.front()];
  for (std::size_t k = 1; k < group_b.size(); ++k) joined_b = scorer.join(joined_b, bags.b[group_b[k]]);
  Link link;
  link.a = group_a;
  link.b = group_b;
  for (std::size_t i : group_a) {
    for (std::size_t j : group_b) {
      const auto it = confidence_of.find({i, j});
      if (it != confidence_of.end()) link.confidence = std::max(link.confidence, it->second);
    }
  }
  scorer.overlap(joined_a, joined_b, &link.evidence);
  link.evidence.changes = scorer.changes(joined_a, joined_b);
  link.relation = link.evidence.similarity >= options.repeated_min_score && link.evidence.changes.empty()
                      ? Relation::repeated
                      : Relation::modified;
  return link;
}

}  // namespace

std::vector<CandidatePair> link_candidates(const AnalyzedDocument& a, const AnalyzedDocument& b, const Vocabulary& vocabulary,
                                           const CompiledLexicon& lexicon, const AlignOptions& options) {
  return candidates_of(a.features, b.features, bags_of(a, b, vocabulary, lexicon), options);
}

Alignment align(const AnalyzedDocument& side_a, const AnalyzedDocument& side_b, const Vocabulary& vocabulary,
                const CompiledLexicon& lexicon, const AlignOptions& options) {
  const DocumentFeatures &fa = side_a.features, &fb = side_b.features;
  const Bags bags = bags_of(side_a, side_b, vocabulary, lexicon);
  const double min_same = options.min_link_score.value_or(options.model.threshold);
  const double min_cross = options.min_cross_language_score.value_or(options.model.cross_language_threshold);

  std::vector<Pair> candidates, misses;
  for (const CandidatePair& c : candidates_of(fa, fb, bags, options)) {
    // A word-for-word restatement needs no weighing.
    const bool copy = identical(bags.a[c.a], bags.b[c.b]);
    const double confidence = copy ? 1.0 : options.model.confidence(c.features);
    (confidence >= (c.cross_language ? min_cross : min_same) ? candidates : misses).push_back(Pair{c.a, c.b, confidence, copy});
  }

  // A pair above the threshold is kept when it is (close to) the best that one of its two
  // sentences can do; at partner_ratio 0, whenever it is above the threshold.
  std::vector<double> best_a(fa.sentences.size(), 0.0), best_b(fb.sentences.size(), 0.0);
  for (const Pair& p : candidates) {
    best_a[p.a] = std::max(best_a[p.a], p.confidence);
    best_b[p.b] = std::max(best_b[p.b], p.confidence);
  }
  // A sentence restated word for word is accounted for by its copy: it takes no other partner.
  std::vector<bool> copied_a(fa.sentences.size(), false), copied_b(fb.sentences.size(), false);
  for (const Pair& p : candidates) {
    if (p.identical) copied_a[p.a] = copied_b[p.b] = true;
  }
  std::vector<Pair> close;
  for (const Pair& p : candidates) {
    if (!p.identical && (copied_a[p.a] || copied_b[p.b])) continue;
    if (p.confidence >= options.partner_ratio * best_a[p.a] || p.confidence >= options.partner_ratio * best_b[p.b]) close.push_back(p);
  }
  // A pair stays when it is among the options.max_partners likeliest of both its sentences: a
  // point restated a few times keeps each restatement, while a sentence with many look-alikes (a
  // readout that repeats itself) cannot gather links without bound. Word-for-word copies all stay
  // (each sentence found at most candidates_per_sentence of them): every copy is restated.
  std::sort(close.begin(), close.end(), [](const Pair& x, const Pair& y) {
    if (x.confidence != y.confidence) return x.confidence > y.confidence;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  std::vector<std::size_t> partners_a(fa.sentences.size(), 0), partners_b(fb.sentences.size(), 0);
  std::vector<bool> within_a(close.size(), false);
  for (std::size_t k = 0; k < close.size(); ++k) within_a[k] = partners_a[close[k].a]++ < options.max_partners;
  std::vector<Pair> kept;
  for (std::size_t k = 0; k < close.size(); ++k) {
    const bool within_b = partners_b[close[k].b]++ < options.max_partners;
    if ((within_a[k] && within_b) || close[k].identical) kept.push_back(close[k]);
  }

  // Group kept pairs: a sentence of A with several partners in B is a split, the reverse a
  // merge; anything more tangled stays as separate one-to-one links.
  std::map<std::size_t, std::vector<std::size_t>> partners_of_a, partners_of_b;
  std::map<std::pair<std::size_t, std::size_t>, double> confidence_of;
  for (const Pair& p : kept) {
    partners_of_a[p.a].push_back(p.b);
    partners_of_b[p.b].push_back(p.a);
    confidence_of[{p.a, p.b}] = p.confidence;
  }
  std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> groups;
  std::set<std::pair<std::size_t, std::size_t>> grouped;
  for (const auto& [i, js] : partners_of_a) {  // splits: one A, several B that have only this A
    bool star = js.size() > 1;
    for (std::size_t j : js) star = star && partners_of_b[j].size() == 1;
    if (!star) continue;
    groups.push_back({{i}, js});
    for (std::size_t j : js) grouped.insert({i, j});
  }
  for (const auto& [j, is] : partners_of_b) {  // merges: several A, one B, each A only with it
    bool star = is.size() > 1;
    for (std::size_t i : is) star = star && partners_of_a[i].size() == 1;
    if (!star) continue;
    groups.push_back({is, {j}});
    for (std::size_t i : is) grouped.insert({i, j});
  }
  for (const Pair& p : kept) {
    if (grouped.count({p.a, p.b}) == 0) groups.push_back({{p.a}, {p.b}});
  }

  Alignment alignment;
  std::vector<Link>& links = alignment.links;
  for (auto& [group_a, group_b] : groups) {
    std::sort(group_a.begin(), group_a.end());
    std::sort(group_b.begin(), group_b.end());
    links.push_back(measured_link(bags, group_a, group_b, options, confidence_of));
  }
  std::sort(links.begin(), links.end(), in_link_order);

  // What an unlinked sentence nearly met: the likeliest pairs under the threshold.
  std::vector<bool> linked_a(fa.sentences.size(), false), linked_b(fb.sentences.size(), false);
  for (const Pair& p : kept) linked_a[p.a] = linked_b[p.b] = true;
  std::sort(misses.begin(), misses.end(), [](const Pair& x, const Pair& y) {
    if (x.confidence != y.confidence) return x.confidence > y.confidence;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  alignment.near_a.resize(fa.sentences.size());
  alignment.near_b.resize(fb.sentences.size());
  for (const Pair& p : misses) {
    if (p.confidence < kLeastNearMiss) break;
    if (!linked_a[p.a] && alignment.near_a[p.a].size() < kNearMissesPerSentence) alignment.near_a[p.a].push_back({p.b, p.confidence});
    if (!linked_b[p.b] && alignment.near_b[p.b].size() < kNearMissesPerSentence) alignment.near_b[p.b].push_back({p.a, p.confidence});
  }
  return alignment;
}

std::vector<Link> measure_links(const AnalyzedDocument& a, const AnalyzedDocument& b, const Vocabulary& vocabulary,
                                const CompiledLexicon& lexicon, const AlignOptions& options, const std::vector<LinkSentences>& groups) {
  if (groups.empty()) return {};
  const Bags bags = bags_of(a, b, vocabulary, lexicon);
  std::map<std::pair<std::size_t, std::size_t>, double> confidence_of;
  for (const CandidatePair& c : candidates_of(a.features, b.features, bags, options)) {
    confidence_of[{c.a, c.b}] = identical(bags.a[c.a], bags.b[c.b]) ? 1.0 : options.model.confidence(c.features);
  }
  std::vector<Link> links;
  for (const LinkSentences& group : groups) links.push_back(measured_link(bags, group.a, group.b, options, confidence_of));
  return links;
}

}  // namespace readout_diff
