// Every input a fuzz target ever stopped on (tests/fuzz-regressions/TARGET/,
// issue 8) runs again here through that target's parser and through the
// whole analyze(): no crash, no sanitizer report (under the asan preset),
// valid UTF-8 JSON, and output proportional to the input.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus.h"
#include "mailverdict.h"
#include "mailverdict/address.h"
#include "mailverdict/bounce.h"
#include "mailverdict/dkim_signature.h"
#include "mailverdict/domain.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/received.h"

namespace fs = std::filesystem;
using namespace mailverdict;

namespace {

// The target's own entry point, as tools/fuzz/TARGET.cc calls it.
void run_target(const std::string& target, const std::string& input) {
  if (target == "addresses") {
    for (const auto& m : parse_mailboxes(input))
      EXPECT_LE(m.address().size(), 4 * input.size() + 64);
  } else if (target == "domain") {
    EXPECT_LE(organizational_domain(input).size(), 8 * input.size() + 8);
  } else if (target == "received") {
    EXPECT_LE(parse_received(input).from.size(), input.size());
  } else if (target == "dkim_signature") {
    (void)parse_dkim_signature(input);
  } else if (target == "bounce") {
    // analyze() stops at the NUL bytes fuzz inputs hold; the target does not.
    if (const auto b = read_bounce(input)) {
      report r;
      diagnose_bounce(*b, r);
      EXPECT_LE(to_json(r).size(), 64 * input.size() + 256 * 1024);
    }
  }
}

}  // namespace

TEST(FuzzRegressions, EveryFindingStaysFixed) {
  const fs::path dir = MAILVERDICT_FUZZ_REGRESSIONS_DIR;
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  std::size_t files = 0;
  for (const auto& target : fs::directory_iterator(dir)) {
    if (!target.is_directory()) continue;
    const std::string name = target.path().filename().string();
    for (const auto& f : fs::directory_iterator(target.path())) {
      const std::string input = corpus::slurp(f.path());
      SCOPED_TRACE(name + "/" + f.path().filename().string());
      run_target(name, input);
      const report r = analyze(input);
      const std::string json = to_json(r);
      EXPECT_TRUE(internal::is_valid_utf8(json));
      EXPECT_LE(json.size(), 64 * input.size() + 256 * 1024);
      ++files;
    }
  }
  EXPECT_GE(files, 6u);
}
