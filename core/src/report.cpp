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

json strings(const std::vector<std::string>& v) {
  json out = json::array();
  for (const auto& s : v) out.push_back(str(s));
  return out;
}

json auth_json(const authentication_report& a) {
  json dkim = json::array();
  for (const auto& d : a.dkim) {
    dkim.push_back({{"result", d.result}, {"domain", str(d.domain)}, {"selector", opt(d.selector)},
                    {"aligned", opt(d.aligned)}});
  }
  json trusted = json::array();
  for (const auto& t : a.trusted) {
    trusted.push_back({{"header", str(t.header)}, {"index", t.index}, {"authserv_id", opt(t.authserv_id)}});
  }
  json ignored = json::array();
  for (const auto& i : a.ignored) {
    ignored.push_back({{"header", str(i.header)},
                       {"index", i.index},
                       {"authserv_id", opt(i.authserv_id)},
                       {"results", str(i.results)},
                       {"reason", str(i.reason)}});
  }
  json ids = json::array();
  for (const auto& i : a.identifiers) {
    ids.push_back({{"kind", i.kind},
                   {"domain", str(i.domain)},
                   {"result", str(i.result)},
                   {"selector", opt(i.selector)},
                   {"relaxed", i.relaxed},
                   {"strict", i.strict},
                   {"mode", i.mode},
                   {"mode_known", i.mode_known},
                   {"aligned", opt(i.aligned)},
                   {"counts_for_dmarc", i.counts_for_dmarc},
                   {"why", str(i.why)},
                   {"source", str(i.source)},
                   {"index", i.index}});
  }
  json dmarc_rec = nullptr;
  if (a.dmarc_record) {
    const auto& r = *a.dmarc_record;
    dmarc_rec = {{"text", str(r.text)}, {"p", str(r.policy)},          {"sp", opt(r.subdomain_policy)},
                 {"np", opt(r.nonexistent_policy)}, {"adkim", r.adkim}, {"aspf", r.aspf},
                 {"pct", r.pct},                    {"rua", strings(r.rua)}, {"ruf", strings(r.ruf)},
                 {"fo", str(r.fo)},                 {"warnings", strings(r.warnings)}, {"error", opt(r.error)}};
  }
  json spf_rec = nullptr;
  if (a.spf_record) {
    const auto& r = *a.spf_record;
    spf_rec = {{"text", str(r.text)},         {"includes", strings(r.includes)}, {"all", str(r.all)},
               {"lookups", r.lookups},        {"lookup_limit", 10},              {"errors", strings(r.errors)},
               {"warnings", strings(r.warnings)}, {"authorizes_service", opt(r.authorizes_service)},
               {"error", opt(r.error)}};
  }
  json service = nullptr;
  if (a.service) {
    service = {{"id", a.service->id}, {"name", str(a.service->name)}, {"evidence", strings(a.service->evidence)}};
  }
  json compauth = nullptr;
  if (a.compauth) {
    compauth = {{"result", str(a.compauth->result)}, {"reason", str(a.compauth->reason)},
                {"meaning", str(a.compauth->meaning)}};
  }
  return {{"from_domain", opt(a.from_domain)},
          {"organizational_domain", opt(a.organizational_domain)},
          {"authserv_id", opt(a.authserv_id)},
          {"spf", {{"result", a.spf.result}, {"domain", opt(a.spf.domain)}, {"aligned", opt(a.spf.aligned)}}},
          {"dkim", dkim},
          {"dmarc",
           {{"result", a.dmarc.result},
            {"policy", opt(a.dmarc.policy)},
            {"action", opt(a.dmarc.action)},
            {"policy_source", opt(a.dmarc.policy_source)}}},
          {"arc",
           {{"result", a.arc.result},
            {"sets", a.arc.sets},
            {"structure", a.arc.structure},
            {"sealers", strings(a.arc.sealers)},
            {"problems", strings(a.arc.problems)}}},
          {"receiver", opt(a.receiver)},
          {"trusted", trusted},
          {"ignored", ignored},
          {"identifiers", ids},
          {"disagreements", strings(a.disagreements)},
          {"records", {{"dmarc", dmarc_rec}, {"spf", spf_rec}}},
          {"service", service},
          {"compauth", compauth}};
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

json warnings_json(const std::vector<warning>& ws) {
  json out = json::array();
  for (const auto& w : ws) out.push_back({{"code", w.code}, {"message", str(w.message)}});
  return out;
}

json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : str(s); }

// Seconds, exact to the millisecond: a whole number when it is one.
json seconds_json(const std::optional<std::int64_t>& ms) {
  if (!ms) return nullptr;
  if (*ms % 1000 == 0) return *ms / 1000;
  return static_cast<double>(*ms) / 1000.0;
}

json hop_json(const hop& h, std::size_t position, const route& r) {
  return {{"index", h.field_index},
          {"position", position},
          {"from", text_or_null(h.from)},
          {"helo", text_or_null(h.helo)},
          {"rdns", text_or_null(h.rdns)},
          {"ip", text_or_null(h.ip)},
          {"by", text_or_null(h.by)},
          {"by_ip", text_or_null(h.by_ip)},
          {"via", text_or_null(h.via)},
          {"with", text_or_null(h.with)},
          {"id", text_or_null(h.id)},
          {"for", text_or_null(h.for_address)},
          {"envelope_from", text_or_null(h.envelope_from)},
          {"tls", opt(h.tls)},
          {"tls_version", text_or_null(h.tls_version)},
          {"tls_cipher", text_or_null(h.tls_cipher)},
          {"authenticated", opt(h.authenticated)},
          {"local", h.local},
          {"time", h.time_ms ? json(format_utc(*h.time_ms)) : json(nullptr)},
          {"timestamp", opt(h.time)},
          {"date_text", text_or_null(h.date_text)},
          {"delay", seconds_json(h.delay_ms)},
          {"delay_text", h.delay ? json(describe_delay(*h.delay)) : json(nullptr)},
          {"organization", text_or_null(h.organization)},
          {"receiving", h.receiving},
          {"boundary", r.boundary && *r.boundary == position},
          {"warnings", warnings_json(h.warnings)}};
}

json route_json(const route& r) {
  return {{"boundary", opt(r.boundary)},
          {"receiving_organization", text_or_null(r.receiving_organization)},
          {"origin_time", r.origin_time_ms ? json(format_utc(*r.origin_time_ms)) : json(nullptr)},
          {"total_delay", seconds_json(r.total_delay_ms)},
          {"total_delay_text", r.total_delay ? json(describe_delay(*r.total_delay)) : json(nullptr)},
          {"skipped_hops", r.skipped_hops},
          {"warnings", warnings_json(r.warnings)}};
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto n = (static_cast<unsigned char>(bytes[i]) << 16) |
                   (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                   static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i < bytes.size()) {
    const unsigned a = static_cast<unsigned char>(bytes[i]);
    const unsigned b = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0;
    const unsigned n = (a << 16) | (b << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

json addresses_json(const std::vector<address_entry>& list) {
  json out = json::array();
  for (const auto& a : list) {
    out.push_back({{"name", text_or_null(a.name)},
                   {"address", str(a.address)},
                   {"domain", text_or_null(a.domain)},
                   {"domain_unicode", text_or_null(a.domain_unicode)},
                   {"group", text_or_null(a.group)}});
  }
  return out;
}

json message_json(const message_summary& m) {
  json summary = json::array();
  for (const auto& row : m.summary) summary.push_back({{"name", str(row.name)}, {"value", str(row.value)}});
  return {{"format", m.format},          {"summary", summary},
          {"subject", opt(m.subject)},   {"from", addresses_json(m.from)},
          {"sender", addresses_json(m.sender)}, {"reply_to", addresses_json(m.reply_to)},
          {"to", addresses_json(m.to)},  {"cc", addresses_json(m.cc)},
          {"date", opt(m.date)},         {"message_id", opt(m.message_id)},
          {"left_encoded", m.left_encoded}};
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
    json pending = json::array();
    for (const auto& w : h.pending) {
      pending.push_back({{"word", str(w.word)}, {"charset", w.charset}, {"bytes", base64(w.bytes)}});
    }
    headers.push_back({{"name", str(h.name)},
                       {"value", str(h.value)},
                       {"decoded", str(h.decoded)},
                       {"raw", str(h.raw)},
                       {"index", h.index},
                       {"explanation", h.explanation},
                       {"valid_utf8", h.valid_utf8},
                       {"pending", pending}});
  }
  json hops = json::array();
  for (std::size_t i = 0; i < r.trace.hops.size(); ++i) hops.push_back(hop_json(r.trace.hops[i], i, r.trace));
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
      {"hops", hops},
      {"route", route_json(r.trace)},
      {"message", message_json(r.message)},
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
    if (a.identifiers.empty()) {
      out += fmt::format("  SPF              {} for {} ({})\n", a.spf.result, a.spf.domain.value_or("(unknown)"),
                         yn(a.spf.aligned));
    }
    for (const auto& i : a.identifiers) {
      const std::string label = i.kind == "dkim"          ? "DKIM d="
                                : i.kind == "spf_helo"    ? "SPF HELO"
                                : i.kind == "return_path" ? "Return-Path"
                                                          : "SPF MAIL FROM";
      out += fmt::format("  {:<16} {} {} ({}{})\n", label, i.domain, i.result,
                         !i.aligned ? "not used by DMARC" : *i.aligned ? "aligned" : "NOT aligned",
                         i.aligned ? ", " + i.mode : "");
      out += fmt::format("                   {}\n", i.why);
    }
    out += fmt::format("  DMARC            {}{}{}\n", a.dmarc.result,
                       a.dmarc.policy ? fmt::format(" (policy {})", *a.dmarc.policy) : "",
                       a.dmarc.action ? fmt::format(" (action {})", *a.dmarc.action) : "");
    if (a.service) out += fmt::format("  Sent by          {}\n", a.service->name);
    if (a.authserv_id) out += fmt::format("  Results from     {}\n", *a.authserv_id);
    for (const auto& ig : a.ignored) {
      out += fmt::format("  Ignored          {} (field {}): {}\n", ig.results, ig.index, ig.reason);
    }
    for (const auto& d : a.disagreements) out += fmt::format("  Note             {}\n", d);
  }
  for (const auto& a : r.antispam) {
    if (a.verdict.empty()) continue;
    out += fmt::format("\nAntispam ({}, {})\n  {}\n", a.vendor, a.header, a.verdict);
    for (const auto& f : a.fields) {
      if (f.drove_verdict) out += fmt::format("  * {}={}: {}\n", f.name, f.value, f.meaning);
    }
  }
  if (!r.trace.hops.empty()) {
    out += "\nRoute (first hop = origin)\n";
    for (std::size_t i = 0; i < r.trace.hops.size(); ++i) {
      const hop& h = r.trace.hops[i];
      out += fmt::format("  {}. {} -> {}", i + 1, h.from.empty() ? "?" : h.from,
                         h.by.empty() ? "?" : h.by);
      if (!h.with.empty()) out += " with " + h.with;
      if (h.tls) out += *h.tls ? " (TLS)" : " (no TLS)";
      if (h.time_ms) out += ", " + format_utc(*h.time_ms);
      if (h.delay) out += ", +" + describe_delay(*h.delay);
      if (r.trace.boundary && *r.trace.boundary == i) out += "  [entered the receiving organization]";
      out += "\n";
      for (const auto& w : h.warnings) out += fmt::format("       ! {}\n", w.message);
    }
    if (r.trace.total_delay) out += fmt::format("  Total: {}\n", describe_delay(*r.trace.total_delay));
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
  if (!r.message.left_encoded.empty()) {
    out += fmt::format(
        "\nEncoded words in {} were left as written: this command does not decode East Asian "
        "charsets (the web page decodes them with the browser's TextDecoder).\n",
        internal::join_words(r.message.left_encoded));
  }
  if (!r.input.warnings.empty()) {
    out += "\nNotes on the input\n";
    for (const auto& w : r.input.warnings) out += fmt::format("  - {}\n", w.message);
  }
  return internal::to_valid_utf8(out);
}

}  // namespace mailverdict
