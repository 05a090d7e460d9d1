// Stage 9 on its own: the report writer turns a Comparison made here by hand, not by the engine,
// into readout-diff/1 JSON, field for field.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "readout_diff/detail/builtin_lexicon.hpp"
#include "readout_diff/engine.hpp"
#include "test_support.hpp"

namespace readout_diff {
namespace {

using nlohmann::json;

constexpr std::string_view kTextA = "Talks held. Troops stay.";
constexpr std::string_view kTextB = "Talks were held.";

Sentence sentence(std::string_view text, std::size_t start, std::size_t end, std::size_t paragraph, SentenceKind kind) {
  return Sentence{start, end, paragraph, kind, text.substr(start, end - start)};
}

Comparison hand_made(const CompiledLexicon& lexicon) {
  Comparison c;
  c.lexicon = &lexicon;
  c.a.language = Language::en;
  c.b.language = Language::mixed;
  Commitment commitment;
  commitment.actor = kBothSidesActor;
  commitment.actor_label = "both sides";
  commitment.cue = "stay";
  commitment.strength = CommitmentStrength::agreed;
  commitment.negated = true;
  commitment.cue_start = 19;
  commitment.cue_end = 23;
  c.a.sentences = {ClassifiedSentence{sentence(kTextA, 0, 11, 0, SentenceKind::title), Language::en, {0}, std::nullopt},
                   ClassifiedSentence{sentence(kTextA, 12, 24, 1, SentenceKind::body), Language::en, {}, commitment}};
  c.b.sentences = {ClassifiedSentence{sentence(kTextB, 0, 16, 0, SentenceKind::body), Language::hi, {}, std::nullopt}};
  c.a.outcomes = {SentenceOutcome{{0}, Relation::modified, {}}, SentenceOutcome{{}, std::nullopt, {NearMiss{0, 0.23456}}}};
  c.b.outcomes = {SentenceOutcome{{0}, Relation::modified, {}}};
  ComparedLink link;
  link.link.a = {0};
  link.link.b = {0};
  link.link.relation = Relation::modified;
  link.link.confidence = 0.61237;
  link.link.evidence.stem_overlap = 0.5;
  link.link.evidence.trigram_overlap = 0.33333;
  link.link.evidence.similarity = 0.4;
  link.link.evidence.changes = {"numbers"};
  link.shared_stems = {"talk"};
  link.concepts = {"dialogue"};
  link.diff.runs = {DiffRun{DiffOp::equal, "Talks"}, DiffRun{DiffOp::insert, "were"}, DiffRun{DiffOp::equal, "held"}};
  c.links = {link};
  c.commitments = {CommitmentFate{Side::a, 1, Fate::dropped, {}, {}}};
  c.summary.a = SideSummary{2, 1, 1, 1};
  c.summary.b = SideSummary{1, 0, 1, 0};
  c.summary.modified_links = 1;
  c.summary.commitments_dropped = 1;
  return c;
}

TEST(Report, WritesEveryFieldOfTheComparisonAsItIs) {
  ASSERT_TRUE(builtin_lexicon().ok());
  const CompiledLexicon& lexicon = builtin_lexicon().value();
  const json report = testing::recorded(to_json(hand_made(lexicon)));
  EXPECT_EQ(report["schema"], kReportSchema);
  EXPECT_EQ(report["a"]["language"], "en");
  EXPECT_EQ(report["b"]["language"], "mixed");

  const json& title = report["a"]["sentences"][0];
  EXPECT_EQ(title["id"], 0);
  EXPECT_EQ(title["text"], "Talks held.");
  EXPECT_EQ(title["start"], 0);
  EXPECT_EQ(title["end"], 11);
  EXPECT_EQ(title["kind"], "title");
  EXPECT_EQ(title["concepts"], json::array({lexicon.concepts[0].id}));
  EXPECT_TRUE(title["commitment"].is_null());
  EXPECT_EQ(title["status"], "kept");
  EXPECT_EQ(title["relation"], "modified");
  EXPECT_EQ(title["links"], json::array({0}));

  const json& dropped = report["a"]["sentences"][1];
  EXPECT_EQ(dropped["paragraph"], 1);
  EXPECT_EQ(dropped["status"], "dropped");
  EXPECT_TRUE(dropped["relation"].is_null());
  EXPECT_EQ(dropped["possible_counterparts"], json::parse(R"([{"sentence":0,"score":0.2346}])"));
  EXPECT_EQ(dropped["commitment"], json::parse(R"({"actor":"both","actor_label":"both sides","cue":"stay",
      "strength":"agreed","polarity":"negated","cue_start":19,"cue_end":23})"));
  EXPECT_EQ(report["b"]["sentences"][0]["language"], "hi");

  const json& link = report["links"][0];
  EXPECT_EQ(link["score"], 0.6124);
  EXPECT_EQ(link["band"], "moderate");
  EXPECT_EQ(link["evidence"]["trigram_overlap"], 0.3333);
  EXPECT_EQ(link["evidence"]["shared_stems"], json::array({"talk"}));
  EXPECT_EQ(link["evidence"]["concepts"], json::array({"dialogue"}));
  EXPECT_EQ(link["evidence"]["changes"], json::array({"numbers"}));
  EXPECT_EQ(link["diff"], json::parse(R"([{"op":"equal","text":"Talks"},{"op":"insert","text":"were"},
      {"op":"equal","text":"held"}])"));
  EXPECT_FALSE(link["diff_omitted"].get<bool>());

  EXPECT_EQ(report["commitments"], json::parse(R"([{"side":"a","sentence":1,"fate":"dropped","counterparts":[],"changes":[]}])"));
  EXPECT_EQ(report["summary"], json::parse(R"({"a":{"sentences":2,"commitments":1,"kept":1,"dropped":1},
      "b":{"sentences":1,"commitments":0,"kept":1,"new":0},"links":{"repeated":0,"modified":1},
      "commitments":{"repeated":0,"modified":0,"new":0,"dropped":1}})"));
}

TEST(Report, AnInputErrorIsTheSchemasErrorObject) {
  const InputError error{Error{"invalid_utf8", "bad byte", 10}, Side::b, TextPosition{2, 5}};
  EXPECT_EQ(json::parse(to_json(error)), json::parse(R"({"schema":"readout-diff/1","error":{"code":"invalid_utf8",
      "message":"bad byte","side":"b","offset":10,"line":2,"column":5}})"));
  const InputError options{Error{"bad_options", "Options: not a JSON object", std::nullopt}, std::nullopt, std::nullopt};
  EXPECT_EQ(json::parse(to_json(options)),
            json::parse(R"({"schema":"readout-diff/1","error":{"code":"bad_options","message":"Options: not a JSON object"}})"));
}

}  // namespace
}  // namespace readout_diff
