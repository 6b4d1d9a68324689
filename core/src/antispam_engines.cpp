/**
 * @file antispam_engines.cpp
 * @brief The scoring engines' verdicts (SpamAssassin, Rspamd, Barracuda,
 * Proofpoint) and the providers' folder labels (Gmail, Yahoo): what each
 * decided, and which tests weighed most.
 *
 * A scoring engine adds up its tests' scores and compares the sum with its
 * threshold: SpamAssassin's `required`, Rspamd's reject threshold (with the
 * action in X-Rspamd-Action), Barracuda's TAG_LEVEL, QUARANTINE_LEVEL and
 * KILL_LEVEL. The tests with the largest positive scores are why.
 */
#include <algorithm>
#include <array>

#include "mailverdict/data/spam_test_kinds.h"
#include "mailverdict/internal/antispam.h"
#include "mailverdict/internal/decimal.h"
#include "mailverdict/internal/text.h"

namespace mailverdict::internal {

namespace {

struct vendor_label {
  std::string_view vendor;
  std::string_view name;
};
constexpr std::array kVendorNames = {
    vendor_label{"spamassassin", "SpamAssassin"},
    vendor_label{"rspamd", "Rspamd"},
    vendor_label{"barracuda", "Barracuda"},
    vendor_label{"proofpoint", "Proofpoint"},
    vendor_label{"mimecast", "Mimecast"},
    vendor_label{"cisco", "Cisco Secure Email"},
    vendor_label{"google", "Gmail"},
    vendor_label{"yahoo", "Yahoo"},
    vendor_label{"spam_filter", "A spam filter"},
};

std::string_view vendor_name(std::string_view v) {
  for (const auto& n : kVendorNames) {
    if (n.vendor == v) return n.name;
  }
  return v;
}

const antispam_field* get(const antispam_decoded& d, std::string_view name) {
  for (const auto& f : d.entry.fields) {
    if (iequals(f.name, name)) return &f;
  }
  return nullptr;
}

std::string_view signal_of(const antispam_decoded& d, std::string_view name) {
  for (std::size_t i = 0; i < d.entry.fields.size(); ++i) {
    if (iequals(d.entry.fields[i].name, name)) return d.signals[i];
  }
  return {};
}

void mark(antispam_decoded& d, std::string_view name) {
  for (auto& f : d.entry.fields) {
    if (iequals(f.name, name)) f.drove_verdict = true;
  }
}

bool filtered(std::string_view outcome) {
  return outcome == "spam" || outcome == "junk" || outcome == "quarantine" || outcome == "reject";
}

// "5.0", "17.82", "-1.9": at most two decimals, at least one.
std::string num(double v) {
  std::string s = fixed_decimal(v, 2);
  while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
  return s;
}

// Kinds that never explain a spam verdict.
bool benign(std::string_view kind) {
  for (const auto& row : data::spam_test_kinds()) {
    if (row.kind == kind) return row.fix.empty();
  }
  return true;  // unknown tests are listed, but are not a reason by kind
}

std::string_view kind_phrase(std::string_view kind) {
  for (const auto& row : data::spam_test_kinds()) {
    if (row.kind == kind) return row.phrase;
  }
  return {};
}

std::string_view kind_fix(std::string_view kind) {
  for (const auto& row : data::spam_test_kinds()) {
    if (row.kind == kind) return row.fix;
  }
  return {};
}

// Each header's own outcome, from its flag, score and threshold.
void set_outcome(antispam_decoded& d) {
  const std::string& h = d.entry.header;
  auto& e = d.entry;
  if (iequals(h, "X-Spam-Status") || iequals(h, "X-Spam-Report")) {
    const bool flag_yes = signal_of(d, "flag") == "spam";
    const bool over = e.score && e.threshold && *e.score >= *e.threshold;
    if (flag_yes || over) {
      e.outcome = "spam";
    } else if (get(d, "flag") != nullptr || (e.score && e.threshold)) {
      e.outcome = "not_spam";
    }
  } else if (iequals(h, "X-Spam-Flag") || iequals(h, "X-Barracuda-Spam-Flag") ||
             iequals(h, "X-Spam")) {
    e.outcome = d.signals.empty() ? "unknown" : d.signals[0] == "spam" ? "spam" : "not_spam";
  } else if (iequals(h, "X-Spamd-Result")) {
    const bool over = e.score && e.threshold && *e.score >= *e.threshold;
    if (over) {
      e.outcome = "reject";
    } else if (signal_of(d, "spam") == "spam") {
      e.outcome = "spam";
    } else if (get(d, "spam") != nullptr) {
      e.outcome = "not_spam";
    }
  } else if (iequals(h, "X-Rspamd-Action")) {
    const std::string_view s =
        d.signals.empty() ? std::string_view() : std::string_view(d.signals[0]);
    e.outcome = s == "reject"       ? "reject"
                : s == "spam"       ? "spam"
                : s == "quarantine" ? "quarantine"
                : s == "defer"      ? "deferred"
                                    : "not_spam";
  } else if (iequals(h, "X-Barracuda-Spam-Status")) {
    const antispam_field* sc = get(d, "SCORE");
    e.score = sc ? parse_score(sc->value) : std::nullopt;
    const auto level = [&](std::string_view n) {
      const antispam_field* f = get(d, n);
      return f ? parse_score(f->value) : std::nullopt;
    };
    const auto tag = level("TAG_LEVEL"), quarantine = level("QUARANTINE_LEVEL"),
               kill = level("KILL_LEVEL");
    e.threshold = tag;
    if (e.score && kill && *e.score >= *kill) {
      e.outcome = "reject";
      e.threshold = kill;
    } else if (e.score && quarantine && *e.score >= *quarantine) {
      e.outcome = "quarantine";
      e.threshold = quarantine;
    } else if ((e.score && tag && *e.score >= *tag) || signal_of(d, "flag") == "spam") {
      e.outcome = "spam";
    } else if (e.score) {
      e.outcome = "not_spam";
    }
  } else if (iequals(h, "X-Proofpoint-Spam-Details")) {
    const antispam_field* rule = get(d, "rule");
    if (rule != nullptr)
      e.outcome = signal_of(d, "rule") == "spam"    ? "spam"
                  : iequals(rule->value, "notspam") ? "not_spam"
                                                    : "unknown";
  } else if (iequals(h, "X-Gmail-Labels")) {
    const bool spam =
        std::find(d.signals.begin(), d.signals.end(), "junk_folder") != d.signals.end();
    const bool inbox =
        std::find(d.signals.begin(), d.signals.end(), "inbox_folder") != d.signals.end();
    e.outcome = spam ? "junk" : inbox ? "inbox" : "unknown";
  } else if (iequals(h, "X-YahooFilteredBulk")) {
    e.outcome = "junk";
  } else if (iequals(h, "X-Mimecast-Impersonation-Protect")) {
    const bool hit =
        std::find(d.signals.begin(), d.signals.end(), "impersonation") != d.signals.end();
    e.outcome = hit ? "flagged" : "not_spam";
  }
}

// The header that speaks for each engine, most telling first.
constexpr std::array<std::string_view, 11> kPrimary = {"X-Rspamd-Action",
                                                       "X-Spamd-Result",
                                                       "X-Spam-Status",
                                                       "X-Spam-Report",
                                                       "X-Barracuda-Spam-Status",
                                                       "X-Proofpoint-Spam-Details",
                                                       "X-Gmail-Labels",
                                                       "X-YahooFilteredBulk",
                                                       "X-Spam-Flag",
                                                       "X-Barracuda-Spam-Flag",
                                                       "X-Spam"};

struct scored_test {
  antispam_decoded* d;
  std::size_t i;
  double score;
  std::string kind;
};

}  // namespace

void prepare_engine_entries(std::vector<antispam_decoded>& all) {
  // Rspamd can write SpamAssassin-style headers; a status without a test
  // list in a block that holds X-Spamd-Result is Rspamd's.
  const bool rspamd = std::any_of(all.begin(), all.end(), [](const antispam_decoded& d) {
    return iequals(d.entry.header, "X-Spamd-Result");
  });
  // Scores for X-Spam-Status tests come from X-Spam-Report when both exist.
  const antispam_decoded* report = nullptr;
  for (const auto& d : all) {
    if (iequals(d.entry.header, "X-Spam-Report")) {
      report = &d;
      break;
    }
  }
  // X-Spam-Flag, -Level and -Score alone do not say which filter wrote them.
  const bool spamassassin = std::any_of(all.begin(), all.end(), [](const antispam_decoded& d) {
    return iequals(d.entry.header, "X-Spam-Status") || iequals(d.entry.header, "X-Spam-Report") ||
           (iequals(d.entry.header, "X-Spam-Checker-Version") &&
            icontains(d.entry.raw, "SpamAssassin"));
  });
  for (auto& d : all) {
    if (d.entry.vendor == "microsoft") continue;
    if (!rspamd && !spamassassin && d.entry.vendor == "spamassassin")
      d.entry.vendor = "spam_filter";
    if (rspamd && d.entry.vendor == "spamassassin" &&
        (iequals(d.entry.header, "X-Spam-Flag") || iequals(d.entry.header, "X-Spam-Level") ||
         iequals(d.entry.header, "X-Spam-Score") ||
         (iequals(d.entry.header, "X-Spam-Status") && get(d, "tests") == nullptr))) {
      d.entry.vendor = "rspamd";
    }
    if (report != nullptr && iequals(d.entry.header, "X-Spam-Status")) {
      for (std::size_t i = 0; i < d.entry.fields.size(); ++i) {
        auto& f = d.entry.fields[i];
        if (d.signals[i].rfind("test:", 0) != 0 || !f.value.empty()) continue;
        if (const antispam_field* r = get(*report, f.name)) f.value = r->value;
      }
    }
    set_outcome(d);
  }
}

namespace {

// Mimecast's Impersonation Protection names the identifiers that matched;
// what happened next (hold, tag, bounce) is the recipient's policy.
void mimecast_impersonation(std::vector<antispam_decoded>& all, engine_outcome& out) {
  for (auto& d : all) {
    if (!iequals(d.entry.header, "X-Mimecast-Impersonation-Protect") ||
        d.entry.outcome != "flagged")
      continue;
    std::vector<std::string> phrases, meanings;
    for (std::size_t i = 0; i < d.entry.fields.size(); ++i) {
      if (d.signals[i] != "impersonation") continue;
      d.entry.fields[i].drove_verdict = true;
      phrases.push_back(d.shorts[i]);
      meanings.push_back(d.entry.fields[i].name + ": " + d.entry.fields[i].meaning);
    }
    engine_verdict v;
    v.vendor = d.entry.vendor;
    v.outcome = "flagged";
    v.headline = internal::concat(
        "Mimecast's Impersonation Protection flagged it because ", join_words(phrases),
        "; what happened next (held, tagged or bounced) depends on the recipient's policy.");
    d.entry.verdict = v.headline;
    v.cause_id = "impersonation_verdict";
    v.explanation =
        "Mimecast checks each message for signs that it imitates someone the recipient trusts.";
    for (const auto& m : meanings) v.explanation += " " + m;
    v.evidence.push_back({d.entry.header, d.entry.index, d.entry.raw.substr(0, 200)});
    v.fix_ids.push_back("impersonation_review");
    out.verdicts.push_back(std::move(v));
    return;
  }
}

}  // namespace

engine_outcome diagnose_engines(std::vector<antispam_decoded>& all) {
  engine_outcome out;
  mimecast_impersonation(all, out);
  // One verdict per vendor: its most telling header that says filtered.
  std::vector<std::string> seen;
  for (std::string_view header : kPrimary) {
    for (auto& d : all) {
      if (d.entry.vendor == "microsoft" || !iequals(d.entry.header, header)) continue;
      if (std::find(seen.begin(), seen.end(), d.entry.vendor) != seen.end()) continue;
      if (!filtered(d.entry.outcome)) continue;
      seen.push_back(d.entry.vendor);
      engine_verdict v;
      v.vendor = d.entry.vendor;
      v.outcome = d.entry.outcome;
      // Score and threshold: this header's, or the vendor's result header's.
      std::optional<double> score = d.entry.score, threshold = d.entry.threshold;
      antispam_decoded* scores_from = &d;
      for (auto& o : all) {
        if (o.entry.vendor != d.entry.vendor) continue;
        const bool has_tests =
            std::any_of(o.signals.begin(), o.signals.end(),
                        [](const std::string& s) { return s.rfind("test:", 0) == 0; });
        if (!has_tests) continue;
        // Prefer the header with per-test scores.
        const bool scored =
            std::any_of(o.entry.fields.begin(), o.entry.fields.end(),
                        [](const antispam_field& f) { return parse_score(f.value).has_value(); });
        if (scores_from == &d || scored) scores_from = &o;
        if (!score) score = o.entry.score;
        if (!threshold) threshold = o.entry.threshold;
        if (scored) break;
      }
      // Mark what decided it, in every header of this vendor that says so.
      for (auto& o : all) {
        if (o.entry.vendor != d.entry.vendor || !filtered(o.entry.outcome)) continue;
        for (const char* n : {"flag", "spam", "score", "required", "action", "SCORE", "TAG_LEVEL",
                              "QUARANTINE_LEVEL", "KILL_LEVEL", "rule", "X-Spam-Flag",
                              "X-Barracuda-Spam-Flag", "X-YahooFilteredBulk", "X-Spam"}) {
          mark(o, n);
        }
      }
      for (std::size_t i = 0; i < d.entry.fields.size(); ++i) {
        if (d.signals[i] == "junk_folder") d.entry.fields[i].drove_verdict = true;
      }
      if (scores_from != &d) {
        for (const char* n : {"score", "required", "spam", "flag"}) mark(*scores_from, n);
      }
      // The tests, heaviest first.
      std::vector<scored_test> tests;
      for (std::size_t i = 0; i < scores_from->entry.fields.size(); ++i) {
        const std::string& sig = scores_from->signals[i];
        if (sig.rfind("test:", 0) != 0) continue;
        const auto sc = parse_score(scores_from->entry.fields[i].value);
        tests.push_back({scores_from, i, sc.value_or(0.0), sig.substr(5)});
      }
      const bool have_scores = std::any_of(tests.begin(), tests.end(), [](const scored_test& t) {
        return parse_score(t.d->entry.fields[t.i].value).has_value();
      });
      std::stable_sort(tests.begin(), tests.end(), [](const scored_test& a, const scored_test& b) {
        return a.score > b.score;
      });
      std::vector<const scored_test*> top;
      for (const auto& t : tests) {
        if (top.size() == 5) break;
        if (have_scores ? t.score > 0 : !benign(t.kind)) top.push_back(&t);
      }
      std::vector<std::string> kinds;  // in order of weight
      std::vector<std::vector<std::string>> kind_tests;
      for (const auto* t : top) {
        t->d->entry.fields[t->i].drove_verdict = true;
        if (benign(t->kind)) continue;
        auto it = std::find(kinds.begin(), kinds.end(), t->kind);
        if (it == kinds.end()) {
          kinds.push_back(t->kind);
          kind_tests.push_back({t->d->entry.fields[t->i].name});
        } else {
          kind_tests[static_cast<std::size_t>(it - kinds.begin())].push_back(
              t->d->entry.fields[t->i].name);
        }
      }
      std::vector<std::string> phrases;
      for (std::size_t k = 0; k < kinds.size() && k < 3; ++k) {
        phrases.push_back(
            internal::concat(kind_phrase(kinds[k]), " (", join_words(kind_tests[k], ", "), ")"));
        const std::string_view fx = kind_fix(kinds[k]);
        if (!fx.empty() && std::find(v.fix_ids.begin(), v.fix_ids.end(), fx) == v.fix_ids.end()) {
          v.fix_ids.emplace_back(fx);
        }
      }
      const std::string name(vendor_name(d.entry.vendor));
      std::string marks;
      if (score && threshold) {
        const bool barracuda = d.entry.vendor == "barracuda";
        const char* what = v.outcome == "reject" ? (barracuda ? "block level" : "reject threshold")
                           : v.outcome == "quarantine" ? "quarantine level"
                                                       : "threshold";
        marks = internal::concat(" (score ", num(*score), ", ", what, " ", num(*threshold), ")");
      } else if (score) {
        marks = internal::concat(" (score ", num(*score), ")");
      }
      const std::string action =
          v.outcome == "reject"        ? internal::concat(name, " decided to reject it")
          : v.outcome == "quarantine"  ? internal::concat(name, " quarantined it")
          : d.entry.vendor == "google" ? std::string("Gmail put it in Spam")
          : d.entry.vendor == "yahoo"  ? std::string("Yahoo put it in the Bulk folder")
                                       : internal::concat(name, " marked it as spam");
      if (!phrases.empty()) {
        v.headline = internal::concat(action, marks, " because ", join_words(phrases), ".");
      } else if (d.entry.vendor == "google" || d.entry.vendor == "yahoo") {
        v.headline = internal::concat(action, "; its headers do not say why.");
      } else {
        v.headline =
            internal::concat(action, marks, "; the headers do not say which tests weighed most.");
      }
      d.entry.verdict = v.headline;
      // The cause: the heaviest tests with their meanings.
      std::vector<std::string> lines;
      for (const auto* t : top) {
        const auto& f = t->d->entry.fields[t->i];
        std::string line = f.value.empty() ? internal::concat(f.name, ": ", f.meaning)
                                           : internal::concat(f.name, " (", t->score > 0 ? "+" : "",
                                                              f.value, "): ", f.meaning);
        if (!line.empty() && line.back() != '.') line += '.';
        lines.push_back(std::move(line));
      }
      if (d.entry.vendor == "google" || d.entry.vendor == "yahoo") {
        v.cause_id = "provider_spam_folder";
        v.explanation = internal::concat(
            name, " filed the message as spam (", d.entry.header, ": ", d.entry.raw,
            "). The provider does not write its reasons into the message; authentication (below) "
            "and the sender's reputation with ",
            name, " are the usual ones.");
      } else {
        v.cause_id = "spam_score";
        std::string head;
        if (score && threshold) {
          head = internal::concat(name, " scored the message ", num(*score), ", at or above its ",
                                  v.outcome == "reject"       ? "reject threshold"
                                  : v.outcome == "quarantine" ? "quarantine level"
                                                              : "spam threshold",
                                  " of ", num(*threshold), ".");
        } else {
          head = internal::concat(name, " judged the message to be spam (", d.entry.header, ").");
        }
        v.explanation = head;
        if (!lines.empty()) v.explanation += " The tests that weighed most:";
        for (const auto& l : lines) v.explanation += " " + l;
        if (v.outcome == "reject") {
          v.explanation +=
              " A reject verdict means the receiving server refuses such mail; a copy that still "
              "carries the header was kept (quarantine, a report) or was scanned after acceptance.";
        }
      }
      v.evidence.push_back({d.entry.header, d.entry.index, d.entry.raw.substr(0, 200)});
      for (auto& o : all) {
        const bool report = iequals(o.entry.header, "X-Spam-Report") ||
                            iequals(o.entry.header, "X-Barracuda-Spam-Report");
        if (&o == &d || o.entry.vendor != d.entry.vendor || (&o != scores_from && !report))
          continue;
        v.evidence.push_back({o.entry.header, o.entry.index, o.entry.raw.substr(0, 200)});
      }
      out.verdicts.push_back(std::move(v));
    }
  }
  return out;
}

}  // namespace mailverdict::internal
