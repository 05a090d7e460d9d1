#include "readout_diff/aligner.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

namespace readout_diff {

const char* to_string(Relation relation) { return relation == Relation::repeated ? "repeated" : "modified"; }

namespace {

// Words whose presence on one side only turns a restatement into a change of substance.
const std::set<std::string> kNegations = {"not", "no", "never", "neither", "nor", "without", "नहीं", "न", "ना", "मत", "बिना"};

// How much each kind of evidence counts, for a pair in one language and across languages.
constexpr double kStemWeight = 0.50, kTrigramWeight = 0.20, kConceptWeight = 0.30;
constexpr double kCrossConceptWeight = 0.80, kCrossStemWeight = 0.20;
constexpr std::size_t kMaxEvidenceStems = 12;
constexpr double kContainmentShare = 0.5;
constexpr double kSpeechActMismatchFactor = 0.8;
// Concepts and numbers a Hindi–English pair must share before it can be linked.
constexpr std::size_t kMinCrossLanguageEvidence = 2;

using Ids = std::vector<std::uint32_t>;

// Body text meets body text, a title a title, and date or place lines each other.
bool comparable_kinds(SentenceKind x, SentenceKind y) {
  const auto group = [](SentenceKind kind) { return kind == SentenceKind::signoff ? SentenceKind::dateline : kind; };
  return group(x) == group(y);
}

// What one sentence, or a group of sentences joined by a split or merge, brings to a comparison.
// Feature ids with their weights alongside (looked up once per sentence, not once per pair).
struct WeightedIds {
  Ids ids;
  std::vector<double> weights;
  double total = 0;
};

struct Bag {
  WeightedIds stems, trigrams, concepts;
  Ids numbers;
  std::set<CommitmentStrength> cue_strengths;
  bool negated = false;
  Language language = Language::en;
  SentenceKind kind = SentenceKind::body;
};

Ids merge_sorted(const Ids& x, const Ids& y) {
  Ids out;
  std::set_union(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
  return out;
}

class Scorer {
 public:
  Scorer(const Vocabulary& vocabulary, const CompiledLexicon& lexicon, const std::vector<const SentenceFeatures*>& all)
      : lexicon_(lexicon) {
    total_ = static_cast<double>(all.size());
    Frequencies stem_df, trigram_df, concept_df;
    for (const SentenceFeatures* s : all) {
      for (auto id : s->content_stems) ++stem_df[id];
      for (auto id : s->trigrams) ++trigram_df[id];
      for (auto id : s->concepts) ++concept_df[id];
    }
    stem_weights_ = weights_from(stem_df);
    trigram_weights_ = weights_from(trigram_df);
    concept_weights_ = weights_from(concept_df);
    vocabulary_ = &vocabulary;
  }

  Bag bag_of(const Sentence& sentence, const SentenceFeatures& s) const {
    Bag bag;
    bag.stems = weighted(s.content_stems, stem_weights_);
    bag.trigrams = weighted(s.trigrams, trigram_weights_);
    bag.concepts = weighted(s.concepts, concept_weights_);
    bag.language = s.language;
    bag.kind = sentence.kind;
    for (std::size_t t = 0; t < s.tokens.size(); ++t) {
      const Token& token = s.tokens[t];
      // A leading list number ("2.") numbers the point; it is not part of what is said.
      if (token.number && !(t == 0 && sentence.text.size() > token.end - sentence.start &&
                            sentence.text[token.end - sentence.start] == '.')) {
        bag.numbers.push_back(token.stem);
      }
      if (kNegations.count(vocabulary_->text(token.word)) != 0) bag.negated = true;
    }
    std::sort(bag.numbers.begin(), bag.numbers.end());
    bag.numbers.erase(std::unique(bag.numbers.begin(), bag.numbers.end()), bag.numbers.end());
    for (const PhraseMatch& cue : s.cues) bag.cue_strengths.insert(lexicon_.commitment_cues[cue.entry].strength);
    return bag;
  }

  Bag join(const Bag& x, const Bag& y) const {
    Bag bag;
    bag.stems = weighted(merge_sorted(x.stems.ids, y.stems.ids), stem_weights_);
    bag.trigrams = weighted(merge_sorted(x.trigrams.ids, y.trigrams.ids), trigram_weights_);
    bag.concepts = weighted(merge_sorted(x.concepts.ids, y.concepts.ids), concept_weights_);
    bag.numbers = merge_sorted(x.numbers, y.numbers);
    bag.cue_strengths = x.cue_strengths;
    bag.cue_strengths.insert(y.cue_strengths.begin(), y.cue_strengths.end());
    bag.negated = x.negated || y.negated;
    bag.language = x.language == y.language ? x.language : Language::mixed;
    bag.kind = x.kind == y.kind ? x.kind : SentenceKind::body;
    return bag;
  }

  static bool cross_language(const Bag& x, const Bag& y) {
    return x.language != y.language && x.language != Language::mixed && y.language != Language::mixed;
  }

  // Similarity in 0..1, with the evidence behind it.
  double score(const Bag& x, const Bag& y, LinkEvidence* evidence) const {
    if (!comparable_kinds(x.kind, y.kind)) return 0;
    const bool cross = cross_language(x, y);
    const double stems = dice(x.stems, y.stems, evidence ? &evidence->shared_stems : nullptr);
    const double concepts = dice(x.concepts, y.concepts, evidence ? &evidence->concepts : nullptr);
    const bool any_concepts = !x.concepts.ids.empty() || !y.concepts.ids.empty();
    double total;
    double trigrams = 0;
    if (cross && shared_count(x.concepts.ids, y.concepts.ids) + shared_count(x.numbers, y.numbers) < kMinCrossLanguageEvidence) {
      total = 0;  // one shared idea is a topic, not a restatement, when words cannot confirm it
    } else if (cross) {
      total = any_concepts ? kCrossConceptWeight * concepts + kCrossStemWeight * stems : kCrossStemWeight * stems;
    } else {
      trigrams = dice(x.trigrams, y.trigrams, nullptr);
      total = any_concepts ? kStemWeight * stems + kTrigramWeight * trigrams + kConceptWeight * concepts
                           : (kStemWeight * stems + kTrigramWeight * trigrams) / (kStemWeight + kTrigramWeight);
    }
    // Readouts restate commitments as commitments and narration as narration: a pair that
    // mixes the two speech acts is less likely to be the same point.
    if (x.cue_strengths.empty() != y.cue_strengths.empty()) total *= kSpeechActMismatchFactor;
    if (evidence != nullptr) {
      evidence->stem_overlap = stems;
      evidence->trigram_overlap = trigrams;
      evidence->concept_overlap = concepts;
      evidence->cross_language = cross;
      keep_heaviest_stems(evidence->shared_stems);
    }
    return total;
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
    if (x.cue_strengths.empty() != y.cue_strengths.empty()) found.push_back("commitment");
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

  static double dice(const WeightedIds& x, const WeightedIds& y, Ids* shared) {
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
    if (sum_x <= 0 || sum_y <= 0) return 0.0;
    // Half Dice, half containment in the shorter side: a sentence folded into a longer one that
    // merges several points still counts as restated.
    const double dice_part = 2.0 * common / (sum_x + sum_y);
    const double containment = common / std::min(sum_x, sum_y);
    return kContainmentShare * containment + (1.0 - kContainmentShare) * dice_part;
  }

  void keep_heaviest_stems(Ids& stems) const {
    std::stable_sort(stems.begin(), stems.end(), [&](std::uint32_t p, std::uint32_t q) {
      return stem_weight(p) > stem_weight(q);
    });
    if (stems.size() > kMaxEvidenceStems) stems.resize(kMaxEvidenceStems);
  }

  const CompiledLexicon& lexicon_;
  const Vocabulary* vocabulary_ = nullptr;
  double total_ = 0;
  Weights stem_weights_, trigram_weights_, concept_weights_;
};

struct Pair {
  std::size_t a, b;
  double score;
};

// Candidate pairs from an inverted index over B's stems and concepts (never all |A|×|B| pairs).
std::vector<Pair> scored_candidates(const DocumentFeatures& fa, const DocumentFeatures& fb, const std::vector<Bag>& bags_a,
                                    const std::vector<Bag>& bags_b, const Scorer& scorer, const AlignOptions& options) {
  // Concepts and stems share one key space: concepts are tagged with the top bit.
  constexpr std::uint32_t kConceptKey = 0x80000000u;
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> postings;
  for (std::size_t j = 0; j < fb.sentences.size(); ++j) {
    for (auto id : fb.sentences[j].content_stems) postings[id].push_back(j);
    for (auto id : fb.sentences[j].concepts) postings[id | kConceptKey].push_back(j);
  }
  std::vector<double> overlap(fb.sentences.size(), 0.0);
  std::vector<std::size_t> touched;
  std::vector<Pair> pairs;
  const double b_per_a = fa.sentences.empty() ? 0.0 : static_cast<double>(fb.sentences.size()) / static_cast<double>(fa.sentences.size());
  for (std::size_t i = 0; i < fa.sentences.size(); ++i) {
    const std::size_t expected = static_cast<std::size_t>(static_cast<double>(i) * b_per_a);
    const auto visit = [&](std::uint32_t key, double weight) {
      const auto it = postings.find(key);
      if (it == postings.end()) return;
      const std::vector<std::size_t>& list = it->second;
      std::size_t from = 0, to = list.size();
      if (list.size() > options.max_postings_per_feature) {  // read only near the expected position
        const std::size_t middle = static_cast<std::size_t>(std::lower_bound(list.begin(), list.end(), expected) - list.begin());
        const std::size_t half = options.max_postings_per_feature / 2;
        from = middle > half ? middle - half : 0;
        to = std::min(list.size(), from + options.max_postings_per_feature);
        from = to - std::min(to, options.max_postings_per_feature);
      }
      for (std::size_t k = from; k < to; ++k) {
        if (overlap[list[k]] == 0.0) touched.push_back(list[k]);
        overlap[list[k]] += weight;
      }
    };
    for (auto id : fa.sentences[i].content_stems) visit(id, scorer.stem_weight(id));
    for (auto id : fa.sentences[i].concepts) visit(id | kConceptKey, scorer.concept_weight(id));
    // Collect and clear only what was touched, so each sentence costs what it shares, not |B|.
    std::vector<std::pair<double, std::size_t>> ranked;
    ranked.reserve(touched.size());
    for (std::size_t j : touched) {
      ranked.emplace_back(overlap[j], j);
      overlap[j] = 0.0;
    }
    touched.clear();
    const auto stronger = [](const auto& p, const auto& q) { return p.first != q.first ? p.first > q.first : p.second < q.second; };
    if (ranked.size() > options.candidates_per_sentence) {  // only the top few need ordering
      std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(options.candidates_per_sentence), ranked.end(), stronger);
      ranked.resize(options.candidates_per_sentence);
    }
    for (const auto& candidate : ranked) {
      const std::size_t j = candidate.second;
      const double score = scorer.score(bags_a[i], bags_b[j], nullptr);
      const double needed = Scorer::cross_language(bags_a[i], bags_b[j]) ? options.min_cross_language_score : options.min_link_score;
      if (score >= needed) pairs.push_back(Pair{i, j, score});
    }
  }
  return pairs;
}

}  // namespace

std::vector<Link> align(const Document& a, const DocumentFeatures& fa, const Document& b, const DocumentFeatures& fb,
                        const Vocabulary& vocabulary, const CompiledLexicon& lexicon, const AlignOptions& options) {
  std::vector<const SentenceFeatures*> all;
  for (const auto& s : fa.sentences) all.push_back(&s);
  for (const auto& s : fb.sentences) all.push_back(&s);
  const Scorer scorer(vocabulary, lexicon, all);
  std::vector<Bag> bags_a, bags_b;
  for (std::size_t i = 0; i < fa.sentences.size(); ++i) bags_a.push_back(scorer.bag_of(a.sentences[i], fa.sentences[i]));
  for (std::size_t j = 0; j < fb.sentences.size(); ++j) bags_b.push_back(scorer.bag_of(b.sentences[j], fb.sentences[j]));

  const std::vector<Pair> candidates = scored_candidates(fa, fb, bags_a, bags_b, scorer, options);

  // Keep a pair when it is (close to) the best that one of its two sentences can do. Ties (a
  // sentence repeated word for word, many times) are settled one to one first, preferring the
  // partner at the nearest relative position, so each copy pairs with one copy.
  std::vector<double> best_a(fa.sentences.size(), 0.0), best_b(fb.sentences.size(), 0.0);
  for (const Pair& p : candidates) {
    best_a[p.a] = std::max(best_a[p.a], p.score);
    best_b[p.b] = std::max(best_b[p.b], p.score);
  }
  const double size_a = static_cast<double>(std::max<std::size_t>(1, fa.sentences.size()));
  const double size_b = static_cast<double>(std::max<std::size_t>(1, fb.sentences.size()));
  const auto drift = [&](const Pair& p) { return std::fabs(static_cast<double>(p.a) / size_a - static_cast<double>(p.b) / size_b); };
  std::vector<Pair> ordered = candidates;
  std::sort(ordered.begin(), ordered.end(), [&](const Pair& x, const Pair& y) {
    if (x.score != y.score) return x.score > y.score;
    if (drift(x) != drift(y)) return drift(x) < drift(y);
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  std::vector<bool> paired_a(fa.sentences.size(), false), paired_b(fb.sentences.size(), false);
  std::vector<Pair> kept;
  for (const Pair& p : ordered) {  // one to one
    if (paired_a[p.a] || paired_b[p.b]) continue;
    if (p.score < options.partner_ratio * best_a[p.a] && p.score < options.partner_ratio * best_b[p.b]) continue;
    paired_a[p.a] = paired_b[p.b] = true;
    kept.push_back(p);
  }
  for (const Pair& p : ordered) {  // then splits and merges: a still-single sentence joins its best
    const bool joins_from_a = !paired_a[p.a] && p.score >= options.partner_ratio * best_a[p.a];
    const bool joins_from_b = !paired_b[p.b] && p.score >= options.partner_ratio * best_b[p.b];
    if (!joins_from_a && !joins_from_b) continue;
    paired_a[p.a] = paired_b[p.b] = true;
    kept.push_back(p);
  }

  // Group kept pairs: a sentence of A with several partners in B is a split, the reverse a
  // merge; anything more tangled stays as separate one-to-one links.
  std::map<std::size_t, std::vector<std::size_t>> partners_of_a, partners_of_b;
  for (const Pair& p : kept) {
    partners_of_a[p.a].push_back(p.b);
    partners_of_b[p.b].push_back(p.a);
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

  std::vector<Link> links;
  for (auto& [group_a, group_b] : groups) {
    std::sort(group_a.begin(), group_a.end());
    std::sort(group_b.begin(), group_b.end());
    Bag joined_a = bags_a[group_a.front()];
    for (std::size_t k = 1; k < group_a.size(); ++k) joined_a = scorer.join(joined_a, bags_a[group_a[k]]);
    Bag joined_b = bags_b[group_b.front()];
    for (std::size_t k = 1; k < group_b.size(); ++k) joined_b = scorer.join(joined_b, bags_b[group_b[k]]);
    Link link;
    link.a = group_a;
    link.b = group_b;
    link.score = scorer.score(joined_a, joined_b, &link.evidence);
    link.evidence.changes = scorer.changes(joined_a, joined_b);
    link.relation = link.score >= options.repeated_min_score && link.evidence.changes.empty() ? Relation::repeated
                                                                                               : Relation::modified;
    links.push_back(std::move(link));
  }
  std::sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
    return x.a.front() != y.a.front() ? x.a.front() < y.a.front() : x.b.front() < y.b.front();
  });
  return links;
}

}  // namespace readout_diff
