/**
 * @file core-bench.cc
 * @brief Core benchmarks: analyze() on real sets of files, the
 * Authentication-Results parse alone, and the scaling curve from 10 KB to
 * 10 MB. Prints figures only; tools/bench/run.mjs turns them into ratios.
 *
 *   mailverdict_bench [--set=NAME:LISTFILE]... [benchmark flags]
 *   mailverdict_bench --dump=headers|message:BYTES   (prints that scaling input)
 *   mailverdict_bench --rounds --set=NAME:LISTFILE     (one round per line on stdin)
 *
 * Each LISTFILE names one input file per line; the set's benchmark analyzes
 * every file once per iteration (analyze + to_json, the work the CLI and the
 * wasm module do per input).
 */
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "mailverdict.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct file_set {
  std::string name;
  std::vector<std::string> inputs;
  std::size_t bytes = 0;
};

void analyze_set(benchmark::State& state, const file_set* set) {
  for (auto _ : state) {
    for (const std::string& in : set->inputs) {
      std::string json = mailverdict::to_json(mailverdict::analyze(in));
      benchmark::DoNotOptimize(json);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * set->inputs.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * set->bytes));
  state.counters["files"] = static_cast<double>(set->inputs.size());
}

// What the Python comparison does: find the header fields, then parse every
// Authentication-Results value.
void auth_results_set(benchmark::State& state, const file_set* set) {
  std::size_t parsed = 0;
  for (auto _ : state) {
    parsed = 0;
    for (const std::string& in : set->inputs) {
      const mailverdict::header_block block = mailverdict::parse_header_block(in);
      for (const auto* f : block.all("Authentication-Results")) {
        auto r = mailverdict::parse_auth_results(f->value);
        parsed += r.has_value();
        benchmark::DoNotOptimize(r);
      }
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * set->inputs.size()));
  state.counters["parsed_fields"] = static_cast<double>(parsed);
}

// A realistic header block (Gmail-style delivery with SPF, DKIM, DMARC and
// ARC results) that the scaling inputs repeat.
constexpr std::string_view kHeaderUnit =
    "Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])\n"
    "        by mx.google.com with SMTPS id a640c23a62f3a-a9a1b2c3d4esor123456766b.12.2026.11.27\n"
    "        for <alice@example.com>; Fri, 27 Nov 2026 08:12:01 -0800 (PST)\n"
    "Authentication-Results: mx.google.com;\n"
    "       dkim=pass header.i=@example.org header.s=s1 header.b=AbCdEfGh;\n"
    "       spf=pass (google.com: domain of bob@example.org designates 209.85.220.41 as permitted "
    "sender) smtp.mailfrom=bob@example.org;\n"
    "       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.org\n"
    "ARC-Authentication-Results: i=1; mx.google.com; dkim=pass header.i=@example.org; spf=pass "
    "smtp.mailfrom=bob@example.org; dmarc=pass header.from=example.org\n"
    "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=s1; t=1764259921;\n"
    "        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject:date;\n"
    "        bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\n"
    "        b=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy\n"
    "X-Google-Smtp-Source: AGHT+IH8q4bY3Zq2Xy9T0abcdefghijklmnopqrstuvwxyz0123456789==\n"
    "From: Bob Example <bob@example.org>\n"
    "To: Alice <alice@example.com>\n"
    "Subject: =?UTF-8?Q?Quarterly_report_=E2=80=93_draft?=\n"
    "Date: Fri, 27 Nov 2026 17:11:58 +0100\n"
    "Message-ID: <CAF1234567890abcdef@mail.example.org>\n";

constexpr std::string_view kBodyLine =
    "The quarterly figures are attached; please check the totals before Monday's call.\n";

std::string headers_of_size(std::size_t n) {
  std::string s;
  s.reserve(n + kHeaderUnit.size());
  while (s.size() < n) s += kHeaderUnit;
  return s;
}

std::string message_of_size(std::size_t n) {
  std::string s(kHeaderUnit);
  s += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n";
  while (s.size() < n) s += kBodyLine;
  return s;
}

void scaling(benchmark::State& state, std::string (*make)(std::size_t)) {
  const std::string in = make(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    std::string json = mailverdict::to_json(mailverdict::analyze(in));
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * in.size()));
  state.counters["input_bytes"] = static_cast<double>(in.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::unique_ptr<file_set>> sets;
  std::vector<char*> rest{argv[0]};
  bool serve = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.substr(0, 7) == "--dump=") {
      const std::string_view spec = arg.substr(7);
      const std::size_t colon = spec.find(':');
      const std::size_t n = std::stoul(std::string(spec.substr(colon + 1)));
      const std::string in =
          spec.substr(0, colon) == "message" ? message_of_size(n) : headers_of_size(n);
      std::fwrite(in.data(), 1, in.size(), stdout);
      return 0;
    }
    if (arg == "--rounds") {
      serve = true;
      continue;
    }
    if (arg.substr(0, 6) != "--set=") {
      rest.push_back(argv[i]);
      continue;
    }
    const std::string_view spec = arg.substr(6);
    const std::size_t colon = spec.find(':');
    auto set = std::make_unique<file_set>();
    set->name = std::string(spec.substr(0, colon));
    std::ifstream list{std::string(spec.substr(colon + 1))};
    for (std::string line; std::getline(list, line);) {
      if (line.empty()) continue;
      set->inputs.push_back(read_file(line));
      set->bytes += set->inputs.back().size();
    }
    sets.push_back(std::move(set));
  }
  if (serve) {
    // Rounds on demand, for tools/bench/run.mjs to alternate with the wasm
    // module round by round: each line on stdin analyzes every file of the
    // first set once (analyze + JSON) and prints the round's microseconds.
    if (sets.empty()) return 2;
    for (std::string line; std::getline(std::cin, line);) {
      const auto t0 = std::chrono::steady_clock::now();
      for (const std::string& in : sets.front()->inputs) {
        std::string json = mailverdict::to_json(mailverdict::analyze(in));
        benchmark::DoNotOptimize(json);
      }
      const auto us =
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0);
      std::printf("%.1f\n", us.count());
      std::fflush(stdout);
    }
    return 0;
  }
  for (const auto& set : sets) {
    benchmark::RegisterBenchmark(("analyze_set/" + set->name).c_str(), analyze_set, set.get())
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("auth_results_set/" + set->name).c_str(), auth_results_set,
                                 set.get())
        ->Unit(benchmark::kMillisecond);
  }
  for (auto [name, make] : {std::pair{"scaling/headers", &headers_of_size},
                            std::pair{"scaling/message", &message_of_size}}) {
    benchmark::RegisterBenchmark(name, scaling, make)
        ->Arg(10 << 10)
        ->Arg(100 << 10)
        ->Arg(1 << 20)
        ->Arg(10 << 20)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::RegisterBenchmark("header_20k", scaling, &headers_of_size)
      ->Arg(20 << 10)
      ->Unit(benchmark::kMicrosecond);
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  if (benchmark::ReportUnrecognizedArguments(n, rest.data())) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
