// Runs every case in tests/fixtures/<case>/ through analyze() and checks the
// report against the case's expected.json (matching rules in
// tests/fixtures/README.md; the JS suite applies the same rules to the wasm
// build). The folder can be overridden with MAILVERDICT_FIXTURES.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "mailverdict.h"
#include "mailverdict/internal/text.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path fixtures_dir() {
  if (const char* env = std::getenv("MAILVERDICT_FIXTURES")) return env;
  return MAILVERDICT_FIXTURES_DIR;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Returns "" when `actual` matches `expected`, else where and why not.
std::string match(const json& expected, const json& actual, const std::string& path);

std::string match_object(const json& expected, const json& actual, const std::string& path) {
  if (!actual.is_object()) return path + ": expected an object, got " + actual.dump();
  for (const auto& [key, want] : expected.items()) {
    if (key.size() > 1 && key.back() == '~') {  // substring(s), case-insensitive
      const std::string name = key.substr(0, key.size() - 1);
      if (!actual.contains(name) || !actual[name].is_string())
        return path + "." + name + ": not a string";
      const std::string have = actual[name].get<std::string>();
      for (const auto& w : want.is_array() ? want : json::array({want})) {
        if (!mailverdict::internal::icontains(have, w.get<std::string>())) {
          return path + "." + name + ": \"" + have + "\" does not contain \"" +
                 w.get<std::string>() + "\"";
        }
      }
    } else if (key.size() > 1 && key.back() == '#') {  // array length
      const std::string name = key.substr(0, key.size() - 1);
      if (!actual.contains(name) || !actual[name].is_array() ||
          actual[name].size() != want.get<std::size_t>()) {
        return path + "." + name + ": expected " + want.dump() + " elements, got " +
               (actual.contains(name) ? actual[name].dump() : "nothing");
      }
    } else {
      if (!actual.contains(key)) return path + "." + key + ": missing";
      if (auto why = match(want, actual[key], path + "." + key); !why.empty()) return why;
    }
  }
  return "";
}

std::string match(const json& expected, const json& actual, const std::string& path) {
  if (expected.is_object()) return match_object(expected, actual, path);
  if (expected.is_array()) {
    if (!actual.is_array()) return path + ": expected an array";
    // Each expected element matches a later actual element, in order.
    std::size_t j = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      std::string why = "no element";
      for (; j < actual.size(); ++j) {
        why = match(expected[i], actual[j], path + "[" + std::to_string(j) + "]");
        if (why.empty()) break;
      }
      if (j == actual.size())
        return path + "[" + std::to_string(i) + "]: no match in order (last: " + why + ")";
      ++j;
    }
    return "";
  }
  if (expected != actual) return path + ": expected " + expected.dump() + ", got " + actual.dump();
  return "";
}

struct fixture_case {
  std::string name;
  fs::path dir;
};
// Names the case in gtest's messages instead of dumping its bytes.
void PrintTo(const fixture_case& c, std::ostream* os) { *os << c.name; }

std::vector<fixture_case> all_cases() {
  std::vector<fixture_case> cases;
  for (const auto& entry : fs::directory_iterator(fixtures_dir())) {
    if (entry.is_directory() && fs::exists(entry.path() / "expected.json")) {
      cases.push_back({entry.path().filename().string(), entry.path()});
    }
  }
  std::sort(cases.begin(), cases.end(), [](auto& a, auto& b) { return a.name < b.name; });
  return cases;
}

fs::path input_of(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().stem() == "input") return entry.path();
  }
  return {};
}

class Fixture : public ::testing::TestWithParam<fixture_case> {};

TEST_P(Fixture, ReportMatchesExpected) {
  const fixture_case& c = GetParam();
  const fs::path input = input_of(c.dir);
  ASSERT_FALSE(input.empty()) << c.name << " has no input.* file";
  const json expected = json::parse(slurp(c.dir / "expected.json"));
  mailverdict::options opts;
  if (fs::exists(c.dir / "options.json")) {
    const json o = json::parse(slurp(c.dir / "options.json"));
    opts.dmarc_record = o.value("dmarc_record", "");
    opts.spf_record = o.value("spf_record", "");
  }
  const json actual = json::parse(mailverdict::to_json(mailverdict::analyze(slurp(input), opts)));
  EXPECT_EQ(actual["schema"], 1);
  const std::string why = match(expected, actual, "report");
  EXPECT_TRUE(why.empty()) << c.name << ": " << why << "\nreport: " << actual.dump(2);
}

INSTANTIATE_TEST_SUITE_P(Cases, Fixture, ::testing::ValuesIn(all_cases()),
                         [](const auto& param_info) {
                           std::string n = param_info.param.name;
                           for (char& ch : n)
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

TEST(FixtureMatcher, CanFail) {
  // The matcher itself must reject what does not match.
  EXPECT_FALSE(match(json::parse(R"({"a": 1})"), json::parse(R"({"a": 2})"), "r").empty());
  EXPECT_FALSE(match(json::parse(R"({"a~": "xyz"})"), json::parse(R"({"a": "abc"})"), "r").empty());
  EXPECT_FALSE(match(json::parse(R"({"a#": 2})"), json::parse(R"({"a": [1]})"), "r").empty());
  EXPECT_FALSE(match(json::parse(R"([2, 1])"), json::parse(R"([1, 2])"), "r").empty());
  EXPECT_TRUE(
      match(json::parse(R"({"a~": "B"})"), json::parse(R"({"a": "abc", "b": 0})"), "r").empty());
}

}  // namespace
