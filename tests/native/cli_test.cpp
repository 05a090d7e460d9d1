#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace readout_diff {
namespace {

using testing::CliRun;
using testing::run_cli;

TEST(Cli, ComparePrintsTheSameReportAsTheLibrary) {
  const CliRun run = run_cli("compare " + testing::corpus_file(testing::kMoscowEn) + " " + testing::corpus_file(testing::kDushanbeHi));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output, compare_json(testing::corpus(testing::kMoscowEn), testing::corpus(testing::kDushanbeHi), "") + "\n");
}

TEST(Cli, ReadsStandardInput) {
  const CliRun run = run_cli("segment - < " + testing::corpus_file(testing::kMoscowHi));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(run.output)["sentences"].size(), 6u);
}

TEST(Cli, BadInputExitsOneWithTheMessageOnStderr) {
  const CliRun run = run_cli("segment - < /dev/null", true);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("empty"), std::string::npos) << run.output;
  EXPECT_EQ(run_cli("compare /nonexistent/file " + testing::corpus_file(testing::kMoscowEn)).exit_code, 1);
}

TEST(Cli, BadUsageExitsTwo) {
  EXPECT_EQ(run_cli("").exit_code, 2);
  EXPECT_EQ(run_cli("compare onlyone").exit_code, 2);
  EXPECT_EQ(run_cli("frobnicate a b").exit_code, 2);
  EXPECT_EQ(run_cli("compare a b --options").exit_code, 2);
  const CliRun help = run_cli("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("readout-diff compare A B"), std::string::npos);
}

TEST(Cli, EvalPrintsScoresAsJson) {
  const CliRun run = run_cli("eval '" + testing::shared_path("gold") + "' --format json");
  EXPECT_EQ(run.exit_code, 0);
  const auto scores = nlohmann::json::parse(run.output);
  EXPECT_TRUE(scores["overall"]["same_language"]["alignment"].contains("f1"));
  std::size_t gold_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::shared_path("gold"))) {
    gold_files += entry.path().extension() == ".json" ? 1 : 0;
  }
  EXPECT_EQ(scores["pairs"].size(), gold_files);
}

}  // namespace
}  // namespace readout_diff
