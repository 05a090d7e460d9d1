// libFuzzer target: the gold reader (tools/cli/gold.cpp), which `readout-diff eval` and `fit` run
// on every file of a gold folder, on arbitrary bytes. The readouts a gold file names are looked up
// in the shared corpus, so that inputs derived from the real gold reach the sentence and link
// checks.
//
// Invariants: an answer, or a bad_gold error whose message starts with the file's name; on an
// answer, both texts within the engine's input limit, every sentence a non-empty span of its
// readout, in order and without overlap, every link's indices inside the lists, and every
// relation one of repeated, modified and related.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "gold.hpp"
#include "invariants.hpp"
#include "readout_diff/detail/text_input.hpp"

using namespace readout_fuzz;

namespace {

void check_sentences(const std::vector<readout_diff::evaluation::GoldSentence>& sentences, const std::string& text) {
  std::size_t previous_end = 0;
  for (const auto& sentence : sentences) {
    require(sentence.start < sentence.end && sentence.end <= text.size(), "a gold sentence is a non-empty span of its readout");
    require(sentence.start >= previous_end, "gold sentences are in order and do not overlap");
    previous_end = sentence.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto gold = readout_diff::evaluation::read_gold(input, "fuzz.json", READOUT_DIFF_SHARED_DIR "/corpus");
  if (!gold.ok()) {
    require(gold.error().code == "bad_gold", "a gold file is read or refused as bad_gold", gold.error().code);
    require(gold.error().message.rfind("fuzz.json: ", 0) == 0, "a gold error names the file", gold.error().message);
    return 0;
  }
  const auto& g = gold.value();
  require(g.text_a.size() <= readout_diff::kMaxInputBytes && g.text_b.size() <= readout_diff::kMaxInputBytes,
          "a gold readout is within the engine's limit");
  check_sentences(g.a, g.text_a);
  check_sentences(g.b, g.text_b);
  for (const auto& link : g.links) {
    require(!link.a.empty() && !link.b.empty(), "a gold link joins sentences on both sides");
    for (std::size_t i : link.a) require(i < g.a.size(), "a gold link's A index is inside the list");
    for (std::size_t j : link.b) require(j < g.b.size(), "a gold link's B index is inside the list");
    require(link.relation == "repeated" || link.relation == "modified" || link.relation == "related",
            "a gold link's relation is known", link.relation);
    require(link.related == (link.relation == "related"), "related means the relation says so");
  }
  return 0;
}
