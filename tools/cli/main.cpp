/**
 * @file main.cpp
 * @brief The native `mailverdict` command.
 *
 *   mailverdict [--json|--text] [--mbox] [--summary] [FILE...]
 *
 * Reads standard input when no FILE (or "-") is given. One input gives one
 * JSON object; several give JSON Lines, one report per line with a "file"
 * field. An mbox file (RFC 4155; recognized by its "From " first line, or
 * forced with --mbox) gives one report per message, with an "mbox_message" field
 * counting from 1. --summary prints counts of input kinds, verdicts, causes,
 * bounce categories and warnings across every message instead of the
 * reports. Exit status: 0 analyzed (whatever the verdict), 1 a file could not
 * be read, 2 usage error.
 */
#include <cstdio>
#include <iterator>
#include <map>
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
    "  --json                JSON report (the default); JSON Lines with a \"file\" field for "
    "several files\n"
    "  --text                plain-text report\n"
    "  --mbox                read each FILE as an mbox (detected when it starts with \"From \")\n"
    "  --summary             print counts of verdicts, causes and bounce categories across\n"
    "                        all messages (of an mbox or of several files) instead of reports\n"
    "  --dmarc-record TEXT   the From: domain's DMARC record, e.g. \"v=DMARC1; p=reject\"\n"
    "  --spf-record TEXT     the MAIL FROM domain's SPF record\n"
    "  --help                show this help\n"
    "  --version             show the version\n"
    "\n"
    "Exit status: 0 analyzed, 1 a file could not be read, 2 usage error.\n";

// Reads a whole stream with stdio, in large blocks (no iostream buffers).
bool read_all(std::FILE* in, std::string& out) {
  out.clear();
  char block[1 << 16];
  std::size_t n;
  while ((n = std::fread(block, 1, sizeof block, in)) > 0) out.append(block, n);
  return std::ferror(in) == 0;
}

// Counts across every analyzed message (--summary).
struct tally {
  std::size_t messages = 0;
  std::map<std::string, std::size_t> kinds, verdicts, causes, bounces, warnings, left_encoded;

  void add(const mailverdict::report& r) {
    ++messages;
    ++kinds[mailverdict::to_string(r.input.kind)];
    ++verdicts[mailverdict::to_string(r.verdict.status)];
    for (const auto& c : r.causes) ++causes[c.id];
    if (r.bounce) ++bounces[r.bounce->category];
    for (const auto& w : r.input.warnings) ++warnings[w.code];
    for (const auto& c : r.message.left_encoded) ++left_encoded[c];
  }
};

std::string json_counts(const std::map<std::string, std::size_t>& m) {
  std::string out = "{";
  for (const auto& [k, v] : m) {
    if (out.size() > 1) out += ",";
    out += "\"" + k + "\":" + std::to_string(v);
  }
  return out + "}";
}

void print_tally(const tally& t, bool text) {
  if (!text) {
    std::printf(
        "{\"messages\":%zu,\"kinds\":%s,\"verdicts\":%s,\"causes\":%s,\"bounce_categories\":%s,"
        "\"warnings\":%s,\"left_encoded\":%s}\n",
        t.messages, json_counts(t.kinds).c_str(), json_counts(t.verdicts).c_str(),
        json_counts(t.causes).c_str(), json_counts(t.bounces).c_str(),
        json_counts(t.warnings).c_str(), json_counts(t.left_encoded).c_str());
    return;
  }
  std::printf("%zu message(s)\n", t.messages);
  auto section = [](const char* title, const std::map<std::string, std::size_t>& m) {
    if (m.empty()) return;
    std::printf("\n%s\n", title);
    for (const auto& [k, v] : m) std::printf("  %-32s %zu\n", k.c_str(), v);
  };
  section("Input kinds", t.kinds);
  section("Verdicts", t.verdicts);
  section("Causes", t.causes);
  section("Bounce categories", t.bounces);
  section("Notes on the input", t.warnings);
  section("Encoded words left for the web page (charset)", t.left_encoded);
}

std::string json_string(const std::string& s) {
  std::string quoted = "\"";
  for (char c : mailverdict::internal::to_valid_utf8(s)) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  bool text = false;
  bool force_mbox = false;
  bool summary = false;
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
    } else if (arg == "--mbox") {
      force_mbox = true;
    } else if (arg == "--summary") {
      summary = true;
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
  bool many = files.size() > 1;
  tally counts;
  auto emit = [&](const std::string& name, std::size_t message_no, const mailverdict::report& r) {
    if (summary) {
      counts.add(r);
      return;
    }
    if (text) {
      if (many) {
        std::printf("==> %s%s <==\n", name.c_str(),
                    message_no > 0 ? (" #" + std::to_string(message_no)).c_str() : "");
      }
      std::fputs(mailverdict::to_text(r).c_str(), stdout);
      if (many) std::fputs("\n", stdout);
      return;
    }
    std::string json = mailverdict::to_json(r, many ? -1 : 2);
    if (many) {
      // JSON Lines: put "file" first so a reader sees which input it is.
      std::string head = "\"file\":" + json_string(name) + ",";
      if (message_no > 0) head += "\"mbox_message\":" + std::to_string(message_no) + ",";
      json.insert(1, head);
    }
    std::fputs(json.c_str(), stdout);
    std::fputs("\n", stdout);
  };
  for (const std::string& name : files) {
    std::string input;
    bool ok;
    if (name == "-") {
      ok = read_all(stdin, input);
    } else if (std::FILE* in = std::fopen(name.c_str(), "rb")) {
      ok = read_all(in, input);
      std::fclose(in);
    } else {
      ok = false;
    }
    if (!ok) {
      std::fprintf(stderr, "mailverdict: cannot read %s\n", name.c_str());
      status = 1;
      continue;
    }
    if (force_mbox || mailverdict::looks_like_mbox(input)) {
      many = true;
      std::string message;
      std::size_t n = 0;
      for (std::size_t pos = 0; pos < input.size();) {
        pos = mailverdict::next_mbox_message(input, pos, message);
        emit(name, ++n, mailverdict::analyze(message, opts));
      }
      continue;
    }
    emit(name, 0, mailverdict::analyze(input, opts));
  }
  if (summary) print_tally(counts, text);
  return status;
}
