/**
 * @file report.cpp
 * @brief Report rendering: JSON (schema 1) and plain text.
 */
#include "mailverdict/report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "mailverdict/internal/text.h"

namespace mailverdict {

const char* to_string(input_kind k) {
  switch (k) {
    case input_kind::headers: return "headers";
    case input_kind::message: return "message";
    case input_kind::bounce: return "bounce";
    case input_kind::empty: return "empty";
    case input_kind::not_email: return "not_email";
    case input_kind::delay_notice: return "delay_notice";
    case input_kind::delivery_notice: return "delivery_notice";
    case input_kind::auto_reply: return "auto_reply";
    case input_kind::feedback_report: return "feedback_report";
    case input_kind::dmarc_report: return "dmarc_report";
  }
  return "empty";
}

const char* to_string(verdict_status s) {
  switch (s) {
    case verdict_status::ok: return "ok";
    case verdict_status::problem: return "problem";
    case verdict_status::warning: return "warning";
    case verdict_status::unknown: return "unknown";
  }
  return "unknown";
}

const char* to_string(confidence_level c) {
  switch (c) {
    case confidence_level::certain: return "certain";
    case confidence_level::likely: return "likely";
    case confidence_level::possible: return "possible";
  }
  return "possible";
}

namespace {

using nlohmann::json;

// Header text may hold any bytes; JSON must be UTF-8.
json str(const std::string& s) { return internal::to_valid_utf8(s); }

template <class T>
json opt(const std::optional<T>& v) {
  if (!v) return nullptr;
  if constexpr (std::is_same_v<T, std::string>) {
    return str(*v);
  } else {
    return *v;
  }
}

json auth_json(const authentication_report& a) {
  json dkim = json::array();
  for (const auto& d : a.dkim) {
    dkim.push_back({{"result", d.result}, {"domain", str(d.domain)}, {"selector", opt(d.selector)},
                    {"aligned", opt(d.aligned)}});
  }
  return {{"from_domain", opt(a.from_domain)},
          {"organizational_domain", opt(a.organizational_domain)},
          {"authserv_id", opt(a.authserv_id)},
          {"spf", {{"result", a.spf.result}, {"domain", opt(a.spf.domain)}, {"aligned", opt(a.spf.aligned)}}},
          {"dkim", dkim},
          {"dmarc",
           {{"result", a.dmarc.result}, {"policy", opt(a.dmarc.policy)}, {"action", opt(a.dmarc.action)}}},
          {"arc", {{"result", a.arc.result}, {"sets", a.arc.sets}}}};
}

json bounce_json(const bounce_report& b) {
  json recipients = json::array();
  for (const auto& r : b.recipients) {
    recipients.push_back({{"address", str(r.address)},   {"action", r.action},
                          {"reply_code", opt(r.reply_code)}, {"status", opt(r.status)},
                          {"category", r.category},       {"diagnostic", str(r.diagnostic)}});
  }
  return {{"reply_code", opt(b.reply_code)}, {"status", opt(b.status)},
          {"permanent", b.permanent},        {"category", b.category},
          {"provider", opt(b.provider)},     {"diagnostic", str(b.diagnostic)},
          {"recipient", opt(b.recipient)},   {"reporting_mta", opt(b.reporting_mta)},
          {"remote_mta", opt(b.remote_mta)}, {"action", opt(b.action)},
          {"confidence", b.confidence},      {"by_text", b.by_text},
          {"matched", opt(b.matched)},       {"blocklist", opt(b.blocklist)},
          {"layout", b.layout},              {"recipients", recipients}};
}

json antispam_json(const antispam_report& a) {
  json fields = json::array();
  for (const auto& f : a.fields) {
    fields.push_back({{"name", str(f.name)},
                      {"value", str(f.value)},
                      {"meaning", str(f.meaning)},
                      {"documented", f.documented},
                      {"basis", f.basis},
                      {"drove_verdict", f.drove_verdict}});
  }
  return {{"vendor", a.vendor}, {"header", str(a.header)}, {"index", a.index},
          {"raw", str(a.raw)},  {"fields", fields},       {"outcome", a.outcome},
          {"verdict", str(a.verdict)}, {"score", opt(a.score)}, {"threshold", opt(a.threshold)}};
}

}  // namespace

std::string to_json(const report& r, int indent) {
  json warnings = json::array();
  for (const auto& w : r.input.warnings) warnings.push_back({{"code", w.code}, {"message", str(w.message)}});
  json causes = json::array();
  for (const auto& c : r.causes) {
    json ev = json::array();
    for (const auto& e : c.evidence) ev.push_back({{"header", str(e.header)}, {"index", e.index}, {"text", str(e.text)}});
    causes.push_back({{"id", c.id},
                      {"confidence", to_string(c.confidence)},
                      {"explanation", str(c.explanation)},
                      {"evidence", ev}});
  }
  json fixes = json::array();
  for (const auto& f : r.fixes) {
    json steps = json::array();
    for (const auto& s : f.steps) steps.push_back(str(s));
    fixes.push_back({{"id", f.id}, {"title", str(f.title)}, {"steps", steps}});
  }
  json antispam = json::array();
  for (const auto& a : r.antispam) antispam.push_back(antispam_json(a));
  json headers = json::array();
  for (const auto& h : r.headers) {
    headers.push_back({{"name", str(h.name)}, {"value", str(h.value)}, {"index", h.index},
                       {"explanation", h.explanation}});
  }
  json j = {
      {"schema", report::kSchema},
      {"input", {{"kind", to_string(r.input.kind)}, {"bytes", r.input.bytes}, {"warnings", warnings}}},
      {"verdict",
       {{"status", to_string(r.verdict.status)},
        {"headline", str(r.verdict.headline)},
        {"summary", str(r.verdict.summary)}}},
      {"bounce", r.bounce ? bounce_json(*r.bounce) : json(nullptr)},
      {"authentication", r.authentication ? auth_json(*r.authentication) : json(nullptr)},
      {"causes", causes},
      {"fixes", fixes},
      {"hops", json::array()},
      {"antispam", antispam},
      {"headers", headers},
  };
  // Everything is already valid UTF-8; `replace` is a second guard so that
  // dump() can never throw (a throw aborts the wasm module).
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string to_text(const report& r) {
  std::string out;
  const char* mark = r.verdict.status == verdict_status::ok        ? "OK"
                     : r.verdict.status == verdict_status::problem ? "PROBLEM"
                     : r.verdict.status == verdict_status::warning ? "WARNING"
                                                                   : "UNKNOWN";
  out += fmt::format("{}: {}\n", mark, r.verdict.headline);
  if (!r.verdict.summary.empty()) out += fmt::format("\n{}\n", r.verdict.summary);
  if (r.authentication) {
    const auto& a = *r.authentication;
    auto yn = [](const std::optional<bool>& b) { return !b ? "n/a" : *b ? "aligned" : "NOT aligned"; };
    out += "\nAuthentication\n";
    out += fmt::format("  From: domain     {}\n", a.from_domain.value_or("(none)"));
    out += fmt::format("  SPF              {} for {} ({})\n", a.spf.result, a.spf.domain.value_or("(unknown)"),
                       yn(a.spf.aligned));
    for (const auto& d : a.dkim) {
      out += fmt::format("  DKIM             {} for {} ({})\n", d.result, d.domain, yn(d.aligned));
    }
    out += fmt::format("  DMARC            {}{}\n", a.dmarc.result,
                       a.dmarc.action ? fmt::format(" (action {})", *a.dmarc.action) : "");
  }
  for (const auto& a : r.antispam) {
    if (a.verdict.empty()) continue;
    out += fmt::format("\nAntispam ({}, {})\n  {}\n", a.vendor, a.header, a.verdict);
    for (const auto& f : a.fields) {
      if (f.drove_verdict) out += fmt::format("  * {}={}: {}\n", f.name, f.value, f.meaning);
    }
  }
  if (!r.causes.empty()) {
    out += "\nWhy\n";
    for (const auto& c : r.causes) {
      out += fmt::format("  - [{}, {}] {}\n", c.id, to_string(c.confidence), c.explanation);
      for (const auto& e : c.evidence) out += fmt::format("      {}: {}\n", e.header, e.text);
    }
  }
  if (!r.fixes.empty()) {
    out += "\nHow to fix it\n";
    int n = 1;
    for (const auto& f : r.fixes) {
      out += fmt::format("  {}. {}\n", n++, f.title);
      for (const auto& s : f.steps) out += fmt::format("     - {}\n", s);
    }
  }
  if (!r.input.warnings.empty()) {
    out += "\nNotes on the input\n";
    for (const auto& w : r.input.warnings) out += fmt::format("  - {}\n", w.message);
  }
  return internal::to_valid_utf8(out);
}

}  // namespace mailverdict
