/**
 * @file main.cpp
 * @brief The native `mailverdict` command.
 *
 *   mailverdict [--json|--text] [FILE...]
 *
 * Reads standard input when no FILE (or "-") is given. One input gives one
 * JSON object; several give JSON Lines, one report per line with a "file"
 * field. Exit status: 0 analyzed (whatever the verdict), 1 a file could not
 * be read, 2 usage error.
 */
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "mailverdict.h"
#include "mailverdict/internal/text.h"

namespace {

constexpr const char* kUsage =
    "usage: mailverdict [--json|--text] [--dmarc-record TEXT] [--spf-record TEXT] [FILE...]\n"
    "\n"
    "Explains email headers and bounces in plain English: what happened, why, and how to fix it.\n"
    "Reads each FILE (standard input when none, or for \"-\") and prints a report.\n"
    "\n"
    "  --json                JSON report (the default); JSON Lines with a \"file\" field for several files\n"
    "  --text                plain-text report\n"
    "  --dmarc-record TEXT   the From: domain's DMARC record, e.g. \"v=DMARC1; p=reject\"\n"
    "  --spf-record TEXT     the MAIL FROM domain's SPF record\n"
    "  --help                show this help\n"
    "  --version             show the version\n"
    "\n"
    "Exit status: 0 analyzed, 1 a file could not be read, 2 usage error.\n";

bool read_all(std::istream& in, std::string& out) {
  std::ostringstream buf;
  buf << in.rdbuf();
  out = std::move(buf).str();
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  bool text = false;
  mailverdict::options opts;
  std::vector<std::string> files;
  bool only_files = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (only_files || arg == "-" || arg.empty() || arg[0] != '-') {
      files.push_back(arg);
    } else if (arg == "--") {
      only_files = true;
    } else if (arg == "--json") {
      text = false;
    } else if (arg == "--text") {
      text = true;
    } else if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "--version") {
      std::printf("mailverdict %s (Public Suffix List: %d rules)\n", mailverdict::kVersion,
                  mailverdict::public_suffix_rule_count());
      return 0;
    } else if (arg == "--dmarc-record" || arg == "--spf-record") {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "mailverdict: %s needs a value (try --help)\n", arg.c_str());
        return 2;
      }
      (arg == "--dmarc-record" ? opts.dmarc_record : opts.spf_record) = argv[++i];
    } else {
      std::fprintf(stderr, "mailverdict: unknown option %s (try --help)\n", arg.c_str());
      return 2;
    }
  }
  if (files.empty()) files.push_back("-");

  int status = 0;
  const bool many = files.size() > 1;
  for (const std::string& name : files) {
    std::string input;
    bool ok;
    if (name == "-") {
      ok = read_all(std::cin, input);
    } else {
      std::ifstream in(name, std::ios::binary);
      ok = in.is_open() && read_all(in, input);
    }
    if (!ok) {
      std::fprintf(stderr, "mailverdict: cannot read %s\n", name.c_str());
      status = 1;
      continue;
    }
    const mailverdict::report r = mailverdict::analyze(input, opts);
    if (text) {
      if (many) std::printf("==> %s <==\n", name.c_str());
      std::fputs(mailverdict::to_text(r).c_str(), stdout);
      if (many) std::fputs("\n", stdout);
    } else {
      std::string json = mailverdict::to_json(r, many ? -1 : 2);
      if (many) {
        // JSON Lines: put "file" first so a reader sees which input it is.
        std::string quoted;
        for (char c : mailverdict::internal::to_valid_utf8(name)) {
          if (c == '"' || c == '\\') quoted += '\\';
          if (static_cast<unsigned char>(c) < 0x20) continue;
          quoted += c;
        }
        json.insert(1, "\"file\":\"" + quoted + "\",");
      }
      std::fputs(json.c_str(), stdout);
      std::fputs("\n", stdout);
    }
  }
  return status;
}
