/**
 * @file bounce_json.cpp
 * @brief Amazon SES event notifications (see internal/bounce_json.h).
 *
 * The object is read with a small scanner for RFC 8259 JSON: objects are
 * walked member by member, nested values are skipped by counting brackets
 * outside strings, so the work is linear and the stack does not grow with
 * the input. Only string members are decoded (§7, with \\u escapes and
 * surrogate pairs).
 */
#include "mailverdict/internal/bounce_json.h"

#include <string>
#include <vector>

#include "mailverdict/internal/text.h"

namespace mailverdict::internal {

namespace {

// A JSON value as a range [begin, end) of the text.
struct json_span {
  std::size_t begin = 0, end = 0;
  bool valid() const { return end > begin; }
};

std::size_t skip_ws(std::string_view t, std::size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
  return i;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the four hex digits at t[i..i+4); -1 when they are not.
long read_hex4(std::string_view t, std::size_t i) {
  if (i + 4 > t.size()) return -1;
  long v = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int d = hex_digit(t[i + k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// RFC 8259 §7: the string starting at t[i] ('"'). Sets `end` past the
// closing quote (t.size() when unterminated).
std::string read_string(std::string_view t, std::size_t i, std::size_t& end) {
  std::string out;
  for (++i; i < t.size() && t[i] != '"'; ++i) {
    if (t[i] != '\\' || i + 1 >= t.size()) {
      out += t[i];
      continue;
    }
    const char e = t[++i];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        long cp = read_hex4(t, i + 1);
        if (cp < 0) {
          out += "\\u";
          break;
        }
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 2 < t.size() && t[i + 1] == '\\' &&
            t[i + 2] == 'u') {
          const long lo = read_hex4(t, i + 3);
          if (lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
        if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;  // a lone surrogate
        append_utf8(out, static_cast<char32_t>(cp));
        break;
      }
      default:
        out += e;  // \" \\ \/ and anything else as written
    }
  }
  end = i < t.size() ? i + 1 : t.size();
  return out;
}

// The end of the value starting at t[i]: strings skipped, brackets counted.
std::size_t skip_value(std::string_view t, std::size_t i) {
  if (i >= t.size()) return i;
  if (t[i] == '"') {
    std::size_t end = i;
    for (++end; end < t.size() && t[end] != '"'; ++end) {
      if (t[end] == '\\') ++end;
    }
    return end < t.size() ? end + 1 : t.size();
  }
  if (t[i] == '{' || t[i] == '[') {
    std::size_t depth = 0;
    for (; i < t.size(); ++i) {
      const char c = t[i];
      if (c == '"') {
        i = skip_value(t, i) - 1;  // the string branch above: no further call
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
    }
    return t.size();
  }
  while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && !is_space(t[i])) ++i;
  return i;
}

// The value of member `key` of the object at `obj`; invalid when absent.
json_span member(std::string_view t, json_span obj, std::string_view key) {
  std::size_t i = skip_ws(t, obj.begin);
  if (i >= obj.end || t[i] != '{') return {};
  ++i;
  while (i < obj.end) {
    i = skip_ws(t, i);
    if (i >= obj.end || t[i] != '"') return {};
    std::size_t after = i;
    const std::string name = read_string(t, i, after);
    i = skip_ws(t, after);
    if (i >= obj.end || t[i] != ':') return {};
    i = skip_ws(t, i + 1);
    const std::size_t vend = skip_value(t, i);
    if (name == key) return {i, vend};
    i = skip_ws(t, vend);
    if (i >= obj.end || t[i] != ',') return {};
    ++i;
  }
  return {};
}

std::string string_member(std::string_view t, json_span obj, std::string_view key) {
  const json_span v = member(t, obj, key);
  if (!v.valid() || t[v.begin] != '"') return {};
  std::size_t end = 0;
  return read_string(t, v.begin, end);
}

// The elements of the array at `arr`.
std::vector<json_span> elements(std::string_view t, json_span arr) {
  std::vector<json_span> out;
  if (!arr.valid() || t[arr.begin] != '[') return out;
  std::size_t i = arr.begin + 1;
  while (i < arr.end) {
    i = skip_ws(t, i);
    if (i >= arr.end || t[i] == ']') break;
    const std::size_t vend = skip_value(t, i);
    if (vend <= i) break;
    out.push_back({i, vend});
    i = skip_ws(t, vend);
    if (i < arr.end && t[i] == ',') ++i;
  }
  return out;
}

}  // namespace

std::optional<bounce_message> read_ses_notification(std::string_view text) {
  const std::size_t key = text.find("\"notificationType\"");
  if (key == std::string_view::npos) return std::nullopt;
  const std::size_t open = text.rfind('{', key);
  if (open == std::string_view::npos) return std::nullopt;
  const json_span root{open, skip_value(text, open)};
  const std::string type = string_member(text, root, "notificationType");
  // AWS SES "Contents of event data": Bounce, Complaint, Delivery.
  bounce_message b;
  b.layout = "amazonses";
  if (type == "Bounce") {
    b.kind = notice_kind::bounce;
    const json_span bounce = member(text, root, "bounce");
    b.reporting_mta = string_member(text, bounce, "reportingMTA");
    if (const std::size_t semi = b.reporting_mta.find(';'); semi != std::string::npos)
      b.reporting_mta = std::string(trim(std::string_view(b.reporting_mta).substr(semi + 1)));
    const std::string btype = string_member(text, bounce, "bounceType");
    const std::string sub = string_member(text, bounce, "bounceSubType");
    b.human_text = "Amazon SES bounce notification: bounceType " + btype + ", bounceSubType " + sub;
    for (const json_span& r : elements(text, member(text, bounce, "bouncedRecipients"))) {
      bounce_recipient rec;
      rec.address = string_member(text, r, "emailAddress");
      rec.action = lower(string_member(text, r, "action"));
      // A Transient bounce is reported once SES has stopped retrying: the
      // message failed, though sending again later may work.
      if (rec.action.empty()) rec.action = "failed";
      const std::string st = string_member(text, r, "status");
      if (!st.empty()) rec.status = st;
      std::string diag = string_member(text, r, "diagnosticCode");
      // "smtp; 550 5.1.1 ...": the words after the type are the server's.
      if (const std::size_t semi = diag.find(';'); semi != std::string::npos && semi < 12)
        diag = std::string(trim(std::string_view(diag).substr(semi + 1)));
      rec.diagnostic = std::move(diag);
      rec.source = "diagnosticCode";
      b.recipients.push_back(std::move(rec));
      if (b.recipients.size() >= 100) break;
    }
    if (b.recipients.empty()) {
      bounce_recipient rec;
      rec.action = "failed";
      b.recipients.push_back(std::move(rec));
    }
    return b;
  }
  if (type == "Complaint") {
    b.kind = notice_kind::feedback_report;
    b.feedback_type =
        lower(string_member(text, member(text, root, "complaint"), "complaintFeedbackType"));
    if (b.feedback_type.empty()) b.feedback_type = "abuse";
    b.human_text = "Amazon SES complaint notification";
    return b;
  }
  if (type == "Delivery") {
    b.kind = notice_kind::delivered;
    const json_span delivery = member(text, root, "delivery");
    b.reporting_mta = string_member(text, delivery, "reportingMTA");
    const std::string response = string_member(text, delivery, "smtpResponse");
    for (const json_span& r : elements(text, member(text, delivery, "recipients"))) {
      if (text[r.begin] != '"') continue;
      bounce_recipient rec;
      std::size_t end = 0;
      rec.address = read_string(text, r.begin, end);
      rec.action = "delivered";
      rec.diagnostic = response;
      b.recipients.push_back(std::move(rec));
      if (b.recipients.size() >= 100) break;
    }
    b.human_text = "Amazon SES delivery notification";
    return b;
  }
  return std::nullopt;
}

}  // namespace mailverdict::internal
