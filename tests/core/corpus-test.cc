// Walks every file of the shared corpus (../shared/corpus, or the folder in
// MAILVERDICT_CORPUS) through analyze(): no crash, no hang, valid JSON, and
// the Received fields it holds mostly carry readable timestamps.
#include "corpus.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "mailverdict.h"

namespace fs = std::filesystem;
using namespace mailverdict;

namespace {

using corpus::slurp;

}  // namespace

TEST(Corpus, EveryFileAnalyzesToValidJson) {
  const fs::path dir = corpus::dir();
  if (!fs::is_directory(dir)) GTEST_SKIP() << "corpus not found: " << dir;
  std::size_t files = 0, with_fields = 0, received = 0, dated = 0, semicolon = 0;
  std::vector<std::string> undated;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string text = slurp(entry.path());
    const report r = analyze(text);
    const std::string json = to_json(r);
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << entry.path();
    EXPECT_EQ(parsed["hops"].size(), r.trace.hops.size()) << entry.path();
    if (r.headers.empty()) continue;
    ++with_fields;
    for (const hop& h : r.trace.hops) {
      ++received;
      if (h.date_text.empty()) continue;  // no timestamp written at all
      ++semicolon;
      if (h.date) {
        ++dated;
      } else if (undated.size() < 20) {
        undated.push_back(entry.path().filename().string() + ": " + h.date_text);
      }
    }
  }
  EXPECT_GT(files, 1000u);
  EXPECT_GT(with_fields, 900u);
  EXPECT_GT(received, 2000u);
  // Every timestamp that was written is read, bar a handful of broken ones.
  std::string list;
  for (const auto& u : undated) list += "\n  " + u;
  EXPECT_GE(dated * 1000, semicolon * 995)
      << dated << " of " << semicolon << " timestamps read" << list;
  RecordProperty("files", static_cast<int>(files));
  RecordProperty("received", static_cast<int>(received));
  RecordProperty("timestamps_read", static_cast<int>(dated));
  RecordProperty("timestamps_written", static_cast<int>(semicolon));
}

// Every sentence the reader sees has its blanks filled: no placeholder left
// in braces, and no word that a missing domain or address leaves dangling
// ("passed for .", "instead of .", "applied to  (").
TEST(Corpus, EverySentenceHasItsBlanksFilled) {
  const fs::path dir = corpus::dir();
  if (!fs::is_directory(dir)) GTEST_SKIP() << "corpus not found: " << dir;
  const auto blank = [](const std::string& s) {
    for (const char* gap : {" for .", " for ,", " of .", " of ,", " to .", " to  (", " with .",
                            " instead of .", " from .", " by .", " at .", "  "}) {
      if (s.find(gap) != std::string::npos) return true;
    }
    // A sentence's opening word filled in mid-sentence ("If The receiving
    // server ...").
    for (std::size_t at = s.find(" The "); at != std::string::npos; at = s.find(" The ", at + 1)) {
      if (at > 0 && ((s[at - 1] >= 'a' && s[at - 1] <= 'z') || s[at - 1] == ',')) return true;
    }
    const std::size_t open = s.find('{');
    return open != std::string::npos && s.find('}', open) != std::string::npos &&
           s.find_first_not_of("abcdefghijklmnopqrstuvwxyz_", open + 1) == s.find('}', open);
  };
  std::size_t texts = 0;
  std::vector<std::string> bad;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const report r = analyze(slurp(entry.path()));
    std::vector<const std::string*> said = {&r.verdict.headline, &r.verdict.summary};
    for (const cause& c : r.causes) said.push_back(&c.explanation);
    for (const fix& f : r.fixes) {
      said.push_back(&f.title);
      for (const std::string& s : f.steps) said.push_back(&s);
    }
    for (const std::string* s : said) {
      ++texts;
      if (blank(*s) && bad.size() < 10) bad.push_back(entry.path().filename().string() + ": " + *s);
    }
  }
  std::string list;
  for (const auto& b : bad) list += "\n  " + b;
  EXPECT_TRUE(bad.empty()) << list;
  EXPECT_GT(texts, 5000u);
}
