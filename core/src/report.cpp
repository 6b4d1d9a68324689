/**
 * @file report.cpp
 * @brief Report rendering: JSON (schema 1) and plain text.
 */
#include "mailverdict/report.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "mailverdict/internal/decimal.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/internal/word_scan.h"

namespace mailverdict {

const char* to_string(input_kind k) {
  switch (k) {
    case input_kind::headers:
      return "headers";
    case input_kind::message:
      return "message";
    case input_kind::bounce:
      return "bounce";
    case input_kind::empty:
      return "empty";
    case input_kind::not_email:
      return "not_email";
    case input_kind::delay_notice:
      return "delay_notice";
    case input_kind::delivery_notice:
      return "delivery_notice";
    case input_kind::auto_reply:
      return "auto_reply";
    case input_kind::feedback_report:
      return "feedback_report";
    case input_kind::dmarc_report:
      return "dmarc_report";
    case input_kind::challenge_response:
      return "challenge_response";
  }
  return "empty";
}

const char* to_string(verdict_status s) {
  switch (s) {
    case verdict_status::ok:
      return "ok";
    case verdict_status::problem:
      return "problem";
    case verdict_status::warning:
      return "warning";
    case verdict_status::unknown:
      return "unknown";
  }
  return "unknown";
}

const char* to_string(confidence_level c) {
  switch (c) {
    case confidence_level::certain:
      return "certain";
    case confidence_level::likely:
      return "likely";
    case confidence_level::possible:
      return "possible";
  }
  return "possible";
}

namespace {

/**
 * A streaming JSON writer that produces what nlohmann::json::dump() gave for
 * the same tree (keys of each object in byte order, as its std::map kept them;
 * `indent` < 0 compact, otherwise pretty with that many spaces), without
 * building the tree first. Strings are made valid UTF-8 (invalid sequences
 * become U+FFFD) and escaped as RFC 8259 §7 requires. Nesting depth is fixed
 * by the report's shape, never by the input.
 */
class json_writer {
 public:
  explicit json_writer(int indent) : indent_(indent) {}

  std::string take() {
    out_.resize(len_);
    return std::move(out_);
  }
  void reserve(std::size_t n) {
    if (n > out_.size()) grow_to(n);
  }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // Keys are the contract's own names (DESIGN.md), plain ASCII literals in
  // this file, never input text: they need no escaping.
  void key(std::string_view k) {
    separate();
    put('"');
    put(k);
    put(indent_ < 0 ? std::string_view("\":", 2) : std::string_view("\": ", 3));
    after_key_ = true;
  }

  void value(std::string_view s) {
    separate();
    if (internal::is_valid_utf8(s)) {
      escaped(s);
    } else {
      escaped(internal::to_valid_utf8(s));
    }
  }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(bool b) {
    separate();
    put(b ? std::string_view("true", 4) : std::string_view("false", 5));
  }
  void value(std::nullptr_t) {
    separate();
    put(std::string_view("null", 4));
  }
  template <class T>
  requires std::is_integral_v<T>
  void value(T n) {
    separate();
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    put(std::string_view(buf, static_cast<std::size_t>(end - buf)));
  }
  // The shortest digits that read back as `d`; integral values keep a ".0"
  // and non-finite ones become null, as nlohmann_json wrote them.
  void value(double d) {
    if (!std::isfinite(d)) return value(nullptr);
    separate();
    const std::string s = internal::shortest_decimal(d);
    put(s);
    if (s.find_first_of(".e") == std::string::npos) put(std::string_view(".0", 2));
  }
  template <class T>
  void value(const std::optional<T>& v) {
    if (v) {
      value(*v);
    } else {
      value(nullptr);
    }
  }
  void value(const std::vector<std::string>& v) {
    begin_array();
    for (const auto& s : v) value(s);
    end_array();
  }

  template <class T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }
  /// An empty string as null.
  void text_or_null(std::string_view k, const std::string& s) {
    key(k);
    if (s.empty()) {
      value(nullptr);
    } else {
      value(s);
    }
  }
  /// Milliseconds as seconds, exact to the millisecond: a whole number when
  /// it is one (the shortest decimal of ms / 1000.0, written from integers).
  void seconds(std::string_view k, const std::optional<std::int64_t>& ms) {
    key(k);
    if (!ms) return value(nullptr);
    if (*ms % 1000 == 0) return value(*ms / 1000);
    separate();
    const bool negative = *ms < 0;
    const std::uint64_t abs_ms =
        negative ? 0 - static_cast<std::uint64_t>(*ms) : static_cast<std::uint64_t>(*ms);
    if (negative) put('-');
    char buf[24];
    const char* end = std::to_chars(buf, buf + sizeof buf, abs_ms / 1000).ptr;
    put(std::string_view(buf, static_cast<std::size_t>(end - buf)));
    put('.');
    std::uint64_t frac = abs_ms % 1000;
    int digits = 3;
    while (frac % 10 == 0) {
      frac /= 10;
      --digits;
    }
    char f[3];
    for (int i = digits - 1; i >= 0; --i, frac /= 10) f[i] = static_cast<char>('0' + frac % 10);
    put(std::string_view(f, static_cast<std::size_t>(digits)));
  }

 private:
  void open(char c) {
    separate();
    put(c);
    ++depth_;
    first_ = true;
  }
  void close(char c) {
    --depth_;
    if (!first_ && indent_ >= 0) newline();
    put(c);
    first_ = false;
  }
  // Before a value or key: nothing right after a key; otherwise the comma
  // and, when pretty, a new line at the current depth.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    if (!first_) put(',');
    first_ = false;
    if (indent_ >= 0) newline();
  }
  void newline() {
    const std::size_t n = 1 + static_cast<std::size_t>(depth_) * static_cast<std::size_t>(indent_);
    if (out_.size() - len_ < n) grow_to(len_ + n);
    buf_[len_] = '\n';
    std::memset(buf_ + len_ + 1, ' ', n - 1);
    len_ += n;
  }
  // Whether one of the eight bytes at `p` is a control character, '"' or
  // '\\' (RFC 8259 §7).
  static bool needs_escape(const char* p) {
    const std::uint64_t w = internal::load8(p);
    return internal::bytes_below(w, 0x20) | internal::bytes_equal(w, '"') |
           internal::bytes_equal(w, '\\');
  }

  void escaped(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    put('"');
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
      // Eight plain bytes at a time (most of a report's text needs no escape).
      while (i + 8 <= s.size() && !needs_escape(s.data() + i)) i += 8;
      if (i >= s.size()) break;
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      put(s.substr(run, i - run));
      run = i + 1;
      switch (c) {
        case '"':
          put(std::string_view("\\\"", 2));
          break;
        case '\\':
          put(std::string_view("\\\\", 2));
          break;
        case '\b':
          put(std::string_view("\\b", 2));
          break;
        case '\f':
          put(std::string_view("\\f", 2));
          break;
        case '\n':
          put(std::string_view("\\n", 2));
          break;
        case '\r':
          put(std::string_view("\\r", 2));
          break;
        case '\t':
          put(std::string_view("\\t", 2));
          break;
        default:
          put(std::string_view("\\u00", 4));
          put(kHex[c >> 4]);
          put(kHex[c & 15]);
      }
    }
    put(s.substr(run));
    put('"');
  }

  // The output goes through a cursor of our own: out_ is kept at its full
  // allocated size (zero-filled by resize) and len_ counts the bytes
  // written. At the wasm build's -Oz, std::string's push_back and append
  // stay calls (append(const char*) with a strlen), about a tenth of the
  // module's time on header files; put() is a bounds check and a copy,
  // inlined into each caller.
  [[gnu::always_inline]] void put(char c) {
    if (len_ == out_.size()) grow_to(len_ + 1);
    buf_[len_++] = c;
  }
  [[gnu::always_inline]] void put(std::string_view s) {
    if (out_.size() - len_ < s.size()) grow_to(len_ + s.size());
    std::memcpy(buf_ + len_, s.data(), s.size());
    len_ += s.size();
  }
  [[gnu::noinline]] void grow_to(std::size_t n) {
    out_.resize(std::max(n, out_.size() * 2));
    buf_ = out_.data();
  }

  std::string out_ = std::string(256, '\0');
  char* buf_ = out_.data();
  std::size_t len_ = 0;
  int indent_;
  int depth_ = 0;
  bool first_ = true;
  bool after_key_ = false;
};

void warnings_json(json_writer& w, std::string_view k, const std::vector<warning>& ws) {
  w.key(k);
  w.begin_array();
  for (const auto& x : ws) {
    w.begin_object();
    w.field("code", x.code);
    w.field("message", x.message);
    w.end_object();
  }
  w.end_array();
}

void auth_json(json_writer& w, const authentication_report& a) {
  w.begin_object();
  w.key("arc");
  w.begin_object();
  w.field("problems", a.arc.problems);
  w.field("result", a.arc.result);
  w.field("sealers", a.arc.sealers);
  w.field("sets", a.arc.sets);
  w.field("structure", a.arc.structure);
  w.end_object();
  w.field("authserv_id", a.authserv_id);
  w.key("compauth");
  if (a.compauth) {
    w.begin_object();
    w.field("meaning", a.compauth->meaning);
    w.field("reason", a.compauth->reason);
    w.field("result", a.compauth->result);
    w.end_object();
  } else {
    w.value(nullptr);
  }
  w.field("disagreements", a.disagreements);
  w.key("dkim");
  w.begin_array();
  for (const auto& d : a.dkim) {
    w.begin_object();
    w.field("aligned", d.aligned);
    w.field("domain", d.domain);
    w.field("result", d.result);
    w.field("selector", d.selector);
    w.end_object();
  }
  w.end_array();
  w.key("dmarc");
  w.begin_object();
  w.field("action", a.dmarc.action);
  w.field("policy", a.dmarc.policy);
  w.field("policy_source", a.dmarc.policy_source);
  w.field("result", a.dmarc.result);
  w.end_object();
  w.field("from_domain", a.from_domain);
  w.key("identifiers");
  w.begin_array();
  for (const auto& i : a.identifiers) {
    w.begin_object();
    w.field("aligned", i.aligned);
    w.field("counts_for_dmarc", i.counts_for_dmarc);
    w.field("domain", i.domain);
    w.field("index", i.index);
    w.field("kind", i.kind);
    w.field("mode", i.mode);
    w.field("mode_known", i.mode_known);
    w.field("relaxed", i.relaxed);
    w.field("result", i.result);
    w.field("selector", i.selector);
    w.field("source", i.source);
    w.field("strict", i.strict);
    w.field("why", i.why);
    w.end_object();
  }
  w.end_array();
  w.key("ignored");
  w.begin_array();
  for (const auto& i : a.ignored) {
    w.begin_object();
    w.field("authserv_id", i.authserv_id);
    w.field("header", i.header);
    w.field("index", i.index);
    w.field("reason", i.reason);
    w.field("results", i.results);
    w.end_object();
  }
  w.end_array();
  w.field("organizational_domain", a.organizational_domain);
  w.field("receiver", a.receiver);
  w.key("records");
  w.begin_object();
  w.key("dmarc");
  if (a.dmarc_record) {
    const auto& r = *a.dmarc_record;
    w.begin_object();
    w.field("adkim", r.adkim);
    w.field("aspf", r.aspf);
    w.field("error", r.error);
    w.field("fo", r.fo);
    w.field("np", r.nonexistent_policy);
    w.field("p", r.policy);
    w.field("pct", r.pct);
    w.field("rua", r.rua);
    w.field("ruf", r.ruf);
    w.field("sp", r.subdomain_policy);
    w.field("text", r.text);
    w.field("warnings", r.warnings);
    w.end_object();
  } else {
    w.value(nullptr);
  }
  w.key("spf");
  if (a.spf_record) {
    const auto& r = *a.spf_record;
    w.begin_object();
    w.field("all", r.all);
    w.field("authorizes_service", r.authorizes_service);
    w.field("error", r.error);
    w.field("errors", r.errors);
    w.field("includes", r.includes);
    w.field("lookup_limit", 10);
    w.field("lookups", r.lookups);
    w.field("text", r.text);
    w.field("warnings", r.warnings);
    w.end_object();
  } else {
    w.value(nullptr);
  }
  w.end_object();
  w.key("service");
  if (a.service) {
    w.begin_object();
    w.field("evidence", a.service->evidence);
    w.field("id", a.service->id);
    w.field("name", a.service->name);
    w.end_object();
  } else {
    w.value(nullptr);
  }
  w.key("spf");
  w.begin_object();
  w.field("aligned", a.spf.aligned);
  w.field("domain", a.spf.domain);
  w.field("result", a.spf.result);
  w.end_object();
  w.key("trusted");
  w.begin_array();
  for (const auto& t : a.trusted) {
    w.begin_object();
    w.field("authserv_id", t.authserv_id);
    w.field("header", t.header);
    w.field("index", t.index);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void bounce_json(json_writer& w, const bounce_report& b) {
  w.begin_object();
  w.field("action", b.action);
  w.field("blocklist", b.blocklist);
  w.field("by_text", b.by_text);
  w.field("category", b.category);
  w.field("confidence", b.confidence);
  w.field("diagnostic", b.diagnostic);
  w.field("layout", b.layout);
  w.field("matched", b.matched);
  w.field("permanent", b.permanent);
  w.field("provider", b.provider);
  w.field("provider_name", b.provider_name);
  w.field("recipient", b.recipient);
  w.key("recipients");
  w.begin_array();
  for (const auto& r : b.recipients) {
    w.begin_object();
    w.field("action", r.action);
    w.field("address", r.address);
    w.field("category", r.category);
    w.field("diagnostic", r.diagnostic);
    w.field("reply_code", r.reply_code);
    w.field("status", r.status);
    w.end_object();
  }
  w.end_array();
  w.field("remote_mta", b.remote_mta);
  w.field("reply_code", b.reply_code);
  w.field("reporting_mta", b.reporting_mta);
  w.field("status", b.status);
  w.end_object();
}

void antispam_json(json_writer& w, const antispam_report& a) {
  w.begin_object();
  w.key("fields");
  w.begin_array();
  for (const auto& f : a.fields) {
    w.begin_object();
    w.field("basis", f.basis);
    w.field("documented", f.documented);
    w.field("drove_verdict", f.drove_verdict);
    w.field("meaning", f.meaning);
    w.field("name", f.name);
    w.field("value", f.value);
    w.end_object();
  }
  w.end_array();
  w.field("header", a.header);
  w.field("index", a.index);
  w.field("outcome", a.outcome);
  w.field("raw", a.raw);
  w.field("score", a.score);
  w.field("threshold", a.threshold);
  w.field("vendor", a.vendor);
  w.field("verdict", a.verdict);
  w.end_object();
}

void hop_json(json_writer& w, const hop& h, std::size_t position, const route& r) {
  w.begin_object();
  w.field("authenticated", h.authenticated);
  w.field("boundary", r.boundary && *r.boundary == position);
  w.text_or_null("by", h.by);
  w.text_or_null("by_ip", h.by_ip);
  w.text_or_null("date_text", h.date_text);
  w.seconds("delay", h.delay_ms);
  w.key("delay_text");
  if (h.delay) {
    w.value(describe_delay(*h.delay));
  } else {
    w.value(nullptr);
  }
  w.text_or_null("envelope_from", h.envelope_from);
  w.text_or_null("for", h.for_address);
  w.text_or_null("from", h.from);
  w.text_or_null("helo", h.helo);
  w.text_or_null("id", h.id);
  w.field("index", h.field_index);
  w.text_or_null("ip", h.ip);
  w.field("local", h.local);
  w.text_or_null("organization", h.organization);
  w.field("position", position);
  w.text_or_null("rdns", h.rdns);
  w.field("receiving", h.receiving);
  w.key("time");
  if (h.time_ms) {
    w.value(format_utc(*h.time_ms));
  } else {
    w.value(nullptr);
  }
  w.field("timestamp", h.time);
  w.field("tls", h.tls);
  w.text_or_null("tls_cipher", h.tls_cipher);
  w.text_or_null("tls_version", h.tls_version);
  w.text_or_null("via", h.via);
  warnings_json(w, "warnings", h.warnings);
  w.text_or_null("with", h.with);
  w.end_object();
}

void route_json(json_writer& w, const route& r) {
  w.begin_object();
  w.field("boundary", r.boundary);
  w.key("origin_time");
  if (r.origin_time_ms) {
    w.value(format_utc(*r.origin_time_ms));
  } else {
    w.value(nullptr);
  }
  w.text_or_null("receiving_organization", r.receiving_organization);
  w.field("skipped_hops", r.skipped_hops);
  w.seconds("total_delay", r.total_delay_ms);
  w.key("total_delay_text");
  if (r.total_delay) {
    w.value(describe_delay(*r.total_delay));
  } else {
    w.value(nullptr);
  }
  warnings_json(w, "warnings", r.warnings);
  w.end_object();
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

void addresses_json(json_writer& w, std::string_view k, const std::vector<address_entry>& list) {
  w.key(k);
  w.begin_array();
  for (const auto& a : list) {
    w.begin_object();
    w.field("address", a.address);
    w.text_or_null("domain", a.domain);
    w.text_or_null("domain_unicode", a.domain_unicode);
    w.text_or_null("group", a.group);
    w.text_or_null("name", a.name);
    w.end_object();
  }
  w.end_array();
}

void message_json(json_writer& w, const message_summary& m) {
  w.begin_object();
  addresses_json(w, "cc", m.cc);
  w.field("date", m.date);
  w.field("format", m.format);
  addresses_json(w, "from", m.from);
  w.field("left_encoded", m.left_encoded);
  w.field("message_id", m.message_id);
  addresses_json(w, "reply_to", m.reply_to);
  addresses_json(w, "sender", m.sender);
  w.field("subject", m.subject);
  w.key("summary");
  w.begin_array();
  for (const auto& row : m.summary) {
    w.begin_object();
    w.field("name", row.name);
    w.field("value", row.value);
    w.end_object();
  }
  w.end_array();
  addresses_json(w, "to", m.to);
  w.end_object();
}

}  // namespace

// Keys are written in byte order within each object (the order the earlier
// nlohmann_json rendering had), so the output is unchanged.
std::string to_json(const report& r, int indent) {
  json_writer w(indent);
  // One reservation instead of doubling: the header listing (each field's
  // raw, value and decoded forms and its explanation) and the hops make up
  // most of a large report; the rest stays within a few kilobytes.
  std::size_t estimate = 16384 + 1024 * r.trace.hops.size();
  for (const auto& h : r.headers) {
    estimate += 128 + h.name.size() + h.value.size() + h.raw.size() + h.decoded.size() +
                h.explanation.size();
  }
  w.reserve(estimate + estimate / 8);
  w.begin_object();
  w.key("antispam");
  w.begin_array();
  for (const auto& a : r.antispam) antispam_json(w, a);
  w.end_array();
  w.key("authentication");
  if (r.authentication) {
    auth_json(w, *r.authentication);
  } else {
    w.value(nullptr);
  }
  w.key("bounce");
  if (r.bounce) {
    bounce_json(w, *r.bounce);
  } else {
    w.value(nullptr);
  }
  w.key("causes");
  w.begin_array();
  for (const auto& c : r.causes) {
    w.begin_object();
    w.field("confidence", to_string(c.confidence));
    w.key("evidence");
    w.begin_array();
    for (const auto& e : c.evidence) {
      w.begin_object();
      w.field("header", e.header);
      w.field("index", e.index);
      w.field("text", e.text);
      w.end_object();
    }
    w.end_array();
    w.field("explanation", c.explanation);
    w.field("id", c.id);
    w.end_object();
  }
  w.end_array();
  w.key("fixes");
  w.begin_array();
  for (const auto& f : r.fixes) {
    w.begin_object();
    w.field("id", f.id);
    w.field("steps", f.steps);
    w.field("title", f.title);
    w.end_object();
  }
  w.end_array();
  w.key("headers");
  w.begin_array();
  for (const auto& h : r.headers) {
    w.begin_object();
    w.field("decoded", h.decoded);
    w.field("explanation", h.explanation);
    w.field("index", h.index);
    w.field("name", h.name);
    w.key("pending");
    w.begin_array();
    for (const auto& p : h.pending) {
      w.begin_object();
      w.field("bytes", base64(p.bytes));
      w.field("charset", p.charset);
      w.field("word", p.word);
      w.end_object();
    }
    w.end_array();
    w.field("raw", h.raw);
    w.field("valid_utf8", h.valid_utf8);
    w.field("value", h.value);
    w.end_object();
  }
  w.end_array();
  w.key("hops");
  w.begin_array();
  for (std::size_t i = 0; i < r.trace.hops.size(); ++i) hop_json(w, r.trace.hops[i], i, r.trace);
  w.end_array();
  w.key("input");
  w.begin_object();
  w.field("bytes", r.input.bytes);
  w.field("kind", to_string(r.input.kind));
  warnings_json(w, "warnings", r.input.warnings);
  w.end_object();
  w.key("message");
  message_json(w, r.message);
  w.key("route");
  route_json(w, r.trace);
  w.field("schema", report::kSchema);
  w.key("verdict");
  w.begin_object();
  w.field("headline", r.verdict.headline);
  w.field("status", to_string(r.verdict.status));
  w.field("summary", r.verdict.summary);
  w.end_object();
  w.end_object();
  return w.take();
}

std::string to_text(const report& r) {
  std::string out;
  const char* mark = r.verdict.status == verdict_status::ok        ? "OK"
                     : r.verdict.status == verdict_status::problem ? "PROBLEM"
                     : r.verdict.status == verdict_status::warning ? "WARNING"
                                                                   : "UNKNOWN";
  out += internal::concat(mark, ": ", r.verdict.headline, "\n");
  if (!r.verdict.summary.empty()) out += internal::concat("\n", r.verdict.summary, "\n");
  if (r.authentication) {
    const auto& a = *r.authentication;
    auto yn = [](const std::optional<bool>& b) {
      return !b ? "n/a" : *b ? "aligned" : "NOT aligned";
    };
    out += "\nAuthentication\n";
    out += internal::concat("  From: domain     ", a.from_domain.value_or("(none)"), "\n");
    if (a.identifiers.empty()) {
      out += internal::concat("  SPF              ", a.spf.result, " for ",
                              a.spf.domain.value_or("(unknown)"), " (", yn(a.spf.aligned), ")\n");
    }
    for (const auto& i : a.identifiers) {
      std::string label = i.kind == "dkim"          ? "DKIM d="
                          : i.kind == "spf_helo"    ? "SPF HELO"
                          : i.kind == "return_path" ? "Return-Path"
                                                    : "SPF MAIL FROM";
      label.resize(std::max<std::size_t>(label.size(), 16), ' ');  // a column of 16
      out += internal::concat("  ", label, " ", i.domain, " ", i.result, " (",
                              !i.aligned   ? "not used by DMARC"
                              : *i.aligned ? "aligned"
                                           : "NOT aligned",
                              i.aligned ? ", " + i.mode : "", ")\n");
      out += internal::concat("                   ", i.why, "\n");
    }
    out += internal::concat(
        "  DMARC            ", a.dmarc.result,
        a.dmarc.policy ? internal::concat(" (policy ", *a.dmarc.policy, ")") : "",
        a.dmarc.action ? internal::concat(" (action ", *a.dmarc.action, ")") : "", "\n");
    if (a.service) out += internal::concat("  Sent by          ", a.service->name, "\n");
    if (a.authserv_id) out += internal::concat("  Results from     ", *a.authserv_id, "\n");
    for (const auto& ig : a.ignored) {
      out += internal::concat("  Ignored          ", ig.results, " (field ", ig.index,
                              "): ", ig.reason, "\n");
    }
    for (const auto& d : a.disagreements) out += internal::concat("  Note             ", d, "\n");
  }
  for (const auto& a : r.antispam) {
    if (a.verdict.empty()) continue;
    out += internal::concat("\nAntispam (", a.vendor, ", ", a.header, ")\n  ", a.verdict, "\n");
    for (const auto& f : a.fields) {
      if (f.drove_verdict)
        out += internal::concat("  * ", f.name, "=", f.value, ": ", f.meaning, "\n");
    }
  }
  if (!r.trace.hops.empty()) {
    out += "\nRoute (first hop = origin)\n";
    for (std::size_t i = 0; i < r.trace.hops.size(); ++i) {
      const hop& h = r.trace.hops[i];
      out += internal::concat("  ", i + 1, ". ", h.from.empty() ? "?" : h.from, " -> ",
                              h.by.empty() ? "?" : h.by);
      if (!h.with.empty()) out += " with " + h.with;
      if (h.tls) out += *h.tls ? " (TLS)" : " (no TLS)";
      if (h.time_ms) out += ", " + format_utc(*h.time_ms);
      if (h.delay) out += ", +" + describe_delay(*h.delay);
      if (r.trace.boundary && *r.trace.boundary == i)
        out += "  [entered the receiving organization]";
      out += "\n";
      for (const auto& w : h.warnings) out += internal::concat("       ! ", w.message, "\n");
    }
    if (r.trace.total_delay)
      out += internal::concat("  Total: ", describe_delay(*r.trace.total_delay), "\n");
  }
  if (!r.causes.empty()) {
    out += "\nWhy\n";
    for (const auto& c : r.causes) {
      out +=
          internal::concat("  - [", c.id, ", ", to_string(c.confidence), "] ", c.explanation, "\n");
      for (const auto& e : c.evidence)
        out += internal::concat("      ", e.header, ": ", e.text, "\n");
    }
  }
  if (!r.fixes.empty()) {
    out += "\nHow to fix it\n";
    int n = 1;
    for (const auto& f : r.fixes) {
      out += internal::concat("  ", n++, ". ", f.title, "\n");
      for (const auto& s : f.steps) out += internal::concat("     - ", s, "\n");
    }
  }
  if (!r.message.left_encoded.empty()) {
    out +=
        internal::concat("\nEncoded words in ", internal::join_words(r.message.left_encoded),
                         " were left as written: this command does not decode East Asian charsets "
                         "(the web page decodes them with the browser's TextDecoder).\n");
  }
  if (!r.input.warnings.empty()) {
    out += "\nNotes on the input\n";
    for (const auto& w : r.input.warnings) out += internal::concat("  - ", w.message, "\n");
  }
  return internal::to_valid_utf8(out);
}

}  // namespace mailverdict
