// Stage 5b, review: the analyst's decisions (the `review` option) change the alignment before
// the accounting, so the commitments' fates and the summary follow them. On a real gold pair,
// Moscow 2020 against Dushanbe 2021 (English), with the engine's own report as the baseline.
#include <gtest/gtest.h>

#include <algorithm>

#include "readout_diff/detail/aligner.hpp"
#include "readout_diff/detail/link_model.hpp"
#include "readout_diff/detail/review.hpp"
#include "test_support.hpp"

namespace readout_diff {
namespace {

using nlohmann::json;

const std::string& moscow() {
  static const std::string text = testing::corpus(testing::kMoscowEn);
  return text;
}
const std::string& dushanbe() {
  static const std::string text = testing::corpus(testing::kDushanbeEn);
  return text;
}

json reviewed(const json& decisions) { return testing::compare(moscow(), dushanbe(), json{{"review", decisions}}.dump()); }
json unreviewed() { return testing::compare(moscow(), dushanbe()); }

const json* fate_of(const json& report, const std::string& side, std::size_t sentence) {
  for (const json& entry : report["commitments"]) {
    if (entry["side"] == side && entry["sentence"] == sentence) return &entry;
  }
  return nullptr;
}

const json* link_between(const json& report, const json& a, const json& b) {
  for (const json& link : report["links"]) {
    if (link["a"] == a && link["b"] == b) return &link;
  }
  return nullptr;
}

// Whether no other link of the report shares a sentence with `link`.
bool stands_alone(const json& report, const json& link) {
  for (const json& other : report["links"]) {
    if (other["id"] == link["id"]) continue;
    for (const char* side : {"a", "b"}) {
      for (const json& id : other[side]) {
        for (const json& mine : link[side]) if (id == mine) return false;
      }
    }
  }
  return true;
}

std::size_t count(const json& report, const char* key) { return report["summary"]["commitments"][key].get<std::size_t>(); }

// An engine link, its sentences in no other link, through which a commitment is repeated or
// modified: rejecting it must cost them.
TEST(Review, RejectingALinkDropsItsCommitmentsAndTheSummaryFollows) {
  const json before = unreviewed();
  const json* chosen = nullptr;
  for (const json& link : before["links"]) {
    const json* fate = fate_of(before, "a", link["a"][link["a"].size() - 1]);
    if (fate != nullptr && (*fate)["fate"] != "dropped" && stands_alone(before, link)) chosen = &link;
  }
  ASSERT_NE(chosen, nullptr) << "the pair has a link between commitments: " << before["links"].dump();
  const std::size_t a_sentence = (*chosen)["a"][(*chosen)["a"].size() - 1];
  const std::string fate = (*fate_of(before, "a", a_sentence))["fate"];
  const std::string relation = (*chosen)["relation"];
  const std::size_t b_sentence = (*fate_of(before, "a", a_sentence))["counterparts"][0];
  ASSERT_EQ((*fate_of(before, "b", b_sentence))["fate"], fate);

  const json after = reviewed(json::array({{{"action", "reject"}, {"a", (*chosen)["a"]}, {"b", (*chosen)["b"]}}}));
  ASSERT_FALSE(after.contains("error")) << after.dump();
  EXPECT_EQ(link_between(after, (*chosen)["a"], (*chosen)["b"]), nullptr);
  EXPECT_EQ(after["links"].size(), before["links"].size() - 1);
  EXPECT_EQ((*fate_of(after, "a", a_sentence))["fate"], "dropped");
  EXPECT_EQ((*fate_of(after, "b", b_sentence))["fate"], "new");
  EXPECT_EQ(count(after, fate.c_str()), count(before, fate.c_str()) - 1);
  EXPECT_EQ(count(after, "dropped"), count(before, "dropped") + 1);
  EXPECT_EQ(count(after, "new"), count(before, "new") + 1);
  EXPECT_EQ(after["summary"]["links"][relation], before["summary"]["links"][relation].get<std::size_t>() - 1);
  EXPECT_EQ(after["a"]["sentences"][a_sentence]["status"], "dropped");
  EXPECT_EQ(after["summary"]["a"]["dropped"], before["summary"]["a"]["dropped"].get<std::size_t>() + (*chosen)["a"].size());
  ASSERT_EQ(after["review"].size(), 1u);
  EXPECT_EQ(after["review"][0]["applied"], true);
  EXPECT_TRUE(after["review"][0]["reason"].is_null());
  EXPECT_EQ(after["review"][0]["decision"]["action"], "reject");
}

// A dropped commitment of A whose near miss in B is a new commitment: linked by hand, both count
// as modified, with the engine's confidence for the pair and the analyst named as the decider.
TEST(Review, LinkingByHandTurnsADroppedAndANewCommitmentIntoModified) {
  const json before = unreviewed();
  std::optional<std::size_t> a_sentence, b_sentence;
  double near_score = 0;
  for (const json& sentence : before["a"]["sentences"]) {
    const json* fate = fate_of(before, "a", sentence["id"]);
    if (a_sentence || fate == nullptr || (*fate)["fate"] != "dropped" || !sentence["links"].empty()) continue;
    for (const json& near : sentence["possible_counterparts"]) {
      const json* other = fate_of(before, "b", near["sentence"]);
      if (other != nullptr && (*other)["fate"] == "new" && before["b"]["sentences"][near["sentence"].get<std::size_t>()]["links"].empty()) {
        a_sentence = sentence["id"];
        b_sentence = near["sentence"];
        near_score = near["score"];
        break;
      }
    }
  }
  ASSERT_TRUE(a_sentence && b_sentence) << "the pair has a dropped commitment whose near miss is a new one";

  const json after = reviewed(json::array({{{"action", "link"}, {"a", {*a_sentence}}, {"b", {*b_sentence}}, {"relation", "modified"}}}));
  ASSERT_FALSE(after.contains("error")) << after.dump();
  const json* link = link_between(after, json::array({*a_sentence}), json::array({*b_sentence}));
  ASSERT_NE(link, nullptr) << after["links"].dump();
  EXPECT_EQ((*link)["decided_by"], "analyst");
  EXPECT_EQ((*link)["relation"], "modified");
  EXPECT_DOUBLE_EQ((*link)["score"].get<double>(), near_score);  // the engine's own confidence for the pair
  EXPECT_FALSE((*link)["evidence"]["shared_stems"].empty());
  EXPECT_EQ((*fate_of(after, "a", *a_sentence))["fate"], "modified");
  EXPECT_EQ((*fate_of(after, "a", *a_sentence))["counterparts"], json::array({*b_sentence}));
  EXPECT_EQ((*fate_of(after, "b", *b_sentence))["fate"], "modified");
  EXPECT_EQ(count(after, "modified"), count(before, "modified") + 1);
  EXPECT_EQ(count(after, "dropped"), count(before, "dropped") - 1);
  EXPECT_EQ(count(after, "new"), count(before, "new") - 1);
  EXPECT_EQ(after["a"]["sentences"][*a_sentence]["status"], "kept");
  EXPECT_TRUE(after["a"]["sentences"][*a_sentence]["possible_counterparts"].empty());  // near misses are for unlinked sentences
  for (std::size_t id = 0; id < after["links"].size(); ++id) EXPECT_EQ(after["links"][id]["id"], id);

  // Called repeated instead, the two commitments count as repeated unless their substance differs.
  const json as_repeated = reviewed(json::array({{{"action", "link"}, {"a", {*a_sentence}}, {"b", {*b_sentence}}, {"relation", "repeated"}}}));
  EXPECT_EQ((*link_between(as_repeated, json::array({*a_sentence}), json::array({*b_sentence})))["relation"], "repeated");
  const json& fate = *fate_of(as_repeated, "a", *a_sentence);
  const bool substance = std::any_of(fate["changes"].begin(), fate["changes"].end(),
                                     [](const json& change) { return change == "polarity" || change == "actor"; });
  EXPECT_EQ(fate["fate"], substance ? "modified" : "repeated") << fate.dump();
}

TEST(Review, AcceptingConfirmsALinkAndChangesNoCount) {
  const json before = unreviewed();
  const json& first = before["links"][0];
  const json after = reviewed(json::array({{{"action", "accept"}, {"a", first["a"]}, {"b", first["b"]}}}));
  EXPECT_EQ(after["summary"], before["summary"]);
  EXPECT_EQ(after["commitments"], before["commitments"]);
  EXPECT_EQ(after["links"][0]["decided_by"], "analyst");
  for (std::size_t k = 1; k < after["links"].size(); ++k) EXPECT_EQ(after["links"][k]["decided_by"], "engine");
  EXPECT_EQ(after["review"][0]["applied"], true);
}

TEST(Review, ChangingARelationMovesTheLinkCounts) {
  const json before = unreviewed();
  const json* modified = nullptr;
  for (const json& link : before["links"]) {
    if (!modified && link["relation"] == "modified") modified = &link;
  }
  ASSERT_NE(modified, nullptr);
  const json after = reviewed(json::array({{{"action", "relation"}, {"a", (*modified)["a"]}, {"b", (*modified)["b"]}, {"relation", "repeated"}}}));
  EXPECT_EQ((*link_between(after, (*modified)["a"], (*modified)["b"]))["relation"], "repeated");
  EXPECT_EQ(after["summary"]["links"]["repeated"], before["summary"]["links"]["repeated"].get<std::size_t>() + 1);
  EXPECT_EQ(after["summary"]["links"]["modified"], before["summary"]["links"]["modified"].get<std::size_t>() - 1);
}

// Decisions that name sentences or links that are not there are reported back, not lost, and
// change nothing.
TEST(Review, DecisionsThatDoNotFitAreReportedNotApplied) {
  const json before = unreviewed();
  const json& first = before["links"][0];
  const std::size_t sentences_a = before["a"]["sentences"].size();
  const json decisions = json::array({
      {{"action", "reject"}, {"a", {sentences_a}}, {"b", {0}}},                          // no such sentence
      {{"action", "accept"}, {"a", {0}}, {"b", {0}}, {"b_text", {"Not the sentence."}}},  // another text
      {{"action", "relation"}, {"a", first["b"]}, {"b", first["a"]}, {"relation", "repeated"}},  // no such link (sides swapped)
      {{"action", "link"}, {"a", first["a"]}, {"b", first["b"]}, {"relation", "modified"}},      // linked already
      {{"action", "reject"}, {"a", first["a"]}, {"b", first["b"]}},
      {{"action", "reject"}, {"a", first["a"]}, {"b", first["b"]}},  // rejected already
  });
  const json after = reviewed(decisions);
  ASSERT_EQ(after["review"].size(), decisions.size());
  const std::vector<bool> applied{false, false, false, false, true, false};
  for (std::size_t k = 0; k < decisions.size(); ++k) {
    EXPECT_EQ(after["review"][k]["applied"], applied[k]) << after["review"][k].dump();
    EXPECT_EQ(after["review"][k]["reason"].is_string(), !applied[k]) << after["review"][k].dump();
  }
  EXPECT_NE(after["review"][0]["reason"].get<std::string>().find("no sentence " + std::to_string(sentences_a)), std::string::npos);
  EXPECT_NE(after["review"][1]["reason"].get<std::string>().find("no longer the text"), std::string::npos);
  EXPECT_EQ(after["links"].size(), before["links"].size() - 1);  // the one reject that applied

  // With the texts it was made on, a decision applies; and the texts ride along in the report.
  const json* single = nullptr;
  for (const json& link : before["links"]) {
    if (!single && link["a"].size() == 1) single = &link;
  }
  ASSERT_NE(single, nullptr);
  const std::string a_text = before["a"]["sentences"][(*single)["a"][0].get<std::size_t>()]["text"];
  const json placed = reviewed(json::array({{{"action", "accept"}, {"a", (*single)["a"]}, {"b", (*single)["b"]}, {"a_text", {a_text}}}}));
  EXPECT_EQ(placed["review"][0]["applied"], true) << placed["review"].dump();
  EXPECT_EQ(placed["review"][0]["decision"]["a_text"], json::array({a_text}));
}

// The stage on its own: each of the engine's links rejected and made again by hand comes back
// measured as the aligner measured it (the same evidence, changes and confidence), marked as the
// analyst's and with the analyst's relation.
TEST(Review, ALinkMadeByHandIsMeasuredAsTheAlignerMeasuresItsOwn) {
  ASSERT_TRUE(builtin_link_model().ok());
  AlignOptions options;
  options.model = builtin_link_model().value();
  testing::Stages stages;
  const AnalyzedDocument a = stages.analyzed(moscow()), b = stages.analyzed(dushanbe());
  const Alignment engine = align(a, b, stages.vocabulary(), stages.lexicon(), options);
  ASSERT_FALSE(engine.links.empty());
  for (const Link& link : engine.links) {
    Alignment alignment = engine;
    const Relation other = link.relation == Relation::repeated ? Relation::modified : Relation::repeated;
    const std::vector<ReviewDecision> decisions{{ReviewAction::reject, link.a, link.b, std::nullopt, std::nullopt, std::nullopt},
                                                {ReviewAction::link, link.a, link.b, other, std::nullopt, std::nullopt}};
    const auto outcomes = apply_review(a, b, stages.vocabulary(), stages.lexicon(), options, decisions, alignment);
    ASSERT_EQ(outcomes.size(), 2u);
    EXPECT_TRUE(outcomes[0].applied && outcomes[1].applied) << outcomes[0].reason << outcomes[1].reason;
    ASSERT_EQ(alignment.links.size(), engine.links.size());
    const auto made = std::find_if(alignment.links.begin(), alignment.links.end(),
                                   [&](const Link& l) { return l.a == link.a && l.b == link.b; });
    ASSERT_NE(made, alignment.links.end());
    EXPECT_EQ(made - alignment.links.begin(), std::find_if(engine.links.begin(), engine.links.end(), [&](const Link& l) {
                                                 return l.a == link.a && l.b == link.b;
                                               }) - engine.links.begin()) << "in the aligner's order";
    EXPECT_TRUE(made->by_analyst);
    EXPECT_EQ(made->relation, other);
    EXPECT_DOUBLE_EQ(made->confidence, link.confidence);
    EXPECT_EQ(made->evidence.shared_stems, link.evidence.shared_stems);
    EXPECT_DOUBLE_EQ(made->evidence.similarity, link.evidence.similarity);
    EXPECT_DOUBLE_EQ(made->evidence.trigram_overlap, link.evidence.trigram_overlap);
    EXPECT_EQ(made->evidence.changes.size(), link.evidence.changes.size());
  }
}

TEST(Review, WithoutTheOptionThereIsNoReviewSectionAndEveryLinkIsTheEngines) {
  const json plain = unreviewed();
  EXPECT_FALSE(plain.contains("review"));
  for (const json& link : plain["links"]) EXPECT_EQ(link["decided_by"], "engine");
  const json empty = reviewed(json::array());
  EXPECT_EQ(empty["review"], json::array());
  EXPECT_EQ(empty["links"], plain["links"]);
}

TEST(Review, MalformedDecisionsAreAnOptionsError) {
  for (const char* options : {
           R"({"review":{}})",
           R"({"review":[1]})",
           R"({"review":[{"a":[0],"b":[0]}]})",
           R"({"review":[{"action":"delete","a":[0],"b":[0]}]})",
           R"({"review":[{"action":"link","a":[0],"b":[0]}]})",
           R"({"review":[{"action":"link","a":[0],"b":[0],"relation":"related"}]})",
           R"({"review":[{"action":"reject","a":[0],"b":[0],"relation":"modified"}]})",
           R"({"review":[{"action":"reject","a":[],"b":[0]}]})",
           R"({"review":[{"action":"reject","a":[0,0],"b":[0]}]})",
           R"({"review":[{"action":"reject","a":[-1],"b":[0]}]})",
           R"({"review":[{"action":"reject","a":["0"],"b":[0]}]})",
           R"({"review":[{"action":"reject","a":[0],"b":[0],"a_text":["one","two"]}]})",
           R"({"review":[{"action":"reject","a":[0],"b":[0],"by":"me"}]})",
       }) {
    const json answer = testing::compare(moscow(), dushanbe(), options);
    ASSERT_TRUE(answer.contains("error")) << options;
    EXPECT_EQ(answer["error"]["code"], "bad_options") << options;
    EXPECT_FALSE(answer["error"].contains("side")) << options;
    EXPECT_NE(answer["error"]["message"].get<std::string>().find("review"), std::string::npos) << answer.dump();
  }
}

TEST(Review, ASegmentationTakesNoReview) {
  const json answer = testing::segment(moscow(), R"({"review":[]})");
  EXPECT_EQ(answer["error"]["code"], "bad_options");
  EXPECT_NE(answer["error"]["message"].get<std::string>().find("segmentation"), std::string::npos) << answer.dump();
}

TEST(Review, ASeriesTakesNoReview) {
  const EngineOutput output = track({moscow(), dushanbe()}, {"moscow.txt", "dushanbe.txt"}, 1, R"({"review":[]})");
  ASSERT_TRUE(output.is_error) << output.json;
  const json answer = json::parse(output.json);  // a series error: not a readout-diff/1 answer
  EXPECT_EQ(answer["error"]["code"], "bad_options");
  EXPECT_NE(answer["error"]["message"].get<std::string>().find("series"), std::string::npos) << output.json;
}

}  // namespace
}  // namespace readout_diff
