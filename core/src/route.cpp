/**
 * @file route.cpp
 * @brief The route from the Received fields (RFC 5321 §4.4), delays and the
 * receiving organization's boundary hop.
 */
#include "mailverdict/route.h"

#include "mailverdict/data/mail_organizations.h"
#include "mailverdict/domain.h"
#include "mailverdict/internal/ip.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

// RFC 5321 §6.3: more than 100 Received fields suggests a mail loop.
constexpr std::size_t kLoopHops = 100;

// Timestamps with whole seconds make up to a second of apparent negative
// delay next to timestamps with milliseconds; only more is clock skew.
constexpr std::int64_t kSkewToleranceMs = 1000;

std::string plural(std::int64_t n, const char* unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

// Whether the client of hop `h` is outside the organization `org`. The
// reverse-DNS name is trusted before the HELO name (which the client
// chooses); a private or missing address means an internal hand-off.
bool from_outside(const hop& h, const std::string& org) {
  if (h.from.empty() && h.rdns.empty() && h.ip.empty()) return false;
  if (!h.ip.empty() && internal::is_private_ip(h.ip)) return false;
  const std::string by_name = organization_of(!h.rdns.empty() ? h.rdns : h.from);
  if (!by_name.empty()) return org.empty() || by_name != org;
  if (!h.ip.empty()) return true;  // a public address without a known name
  // A name without a dot ("localhost", "mail1") and no address: internal.
  return internal::iequals(h.from, "unknown");
}

void add_skew_warning(hop& h, std::int64_t delay_ms, const std::string& previous) {
  h.warnings.push_back(
      {"clock_skew", "This timestamp is " + describe_delay(-(delay_ms / 1000)) + " earlier than " +
                         previous +
                         ": the two clocks disagree (clock skew). The negative delay is shown as "
                         "written; it is not a real delay."});
}

}  // namespace

std::string organization_of(std::string_view host) {
  host = internal::trim(host);
  if (host.empty() || !internal::ip_of(host).empty()) return {};
  const std::string org = organizational_domain(host);
  if (org.empty() || org.find('.') == std::string::npos) return {};
  for (const auto& row : data::mail_organizations()) {
    if (row.domain == org) return std::string(row.organization);
  }
  return org;
}

bool same_organization(std::string_view a, std::string_view b) {
  const std::string oa = organization_of(a);
  return !oa.empty() && oa == organization_of(b);
}

std::string describe_delay(std::int64_t s) {
  const std::string sign = s < 0 ? "-" : "";
  std::int64_t a = s < 0 ? -s : s;
  if (a < 60) return sign + plural(a, "second");
  if (a < 3600) {
    return sign + plural(a / 60, "minute") + (a % 60 ? " " + plural(a % 60, "second") : "");
  }
  if (a < 86400) {
    return sign + plural(a / 3600, "hour") +
           (a / 60 % 60 ? " " + plural(a / 60 % 60, "minute") : "") +
           (a % 60 ? " " + plural(a % 60, "second") : "");
  }
  return sign + plural(a / 86400, "day") +
         (a / 3600 % 24 ? " " + plural(a / 3600 % 24, "hour") : "");
}

route build_route(const header_block& block) {
  route r;
  std::vector<const header_field*> fields = block.all("Received");  // top = newest
  if (fields.size() > kMaxHops) {
    r.skipped_hops = fields.size() - kMaxHops;
    fields.resize(kMaxHops);
    r.warnings.push_back(
        {"too_many_hops", "The message has " + std::to_string(kMaxHops + r.skipped_hops) +
                              " Received fields; only the " + std::to_string(kMaxHops) +
                              " nearest to final delivery were read."});
  }
  if (fields.size() + r.skipped_hops > kLoopHops) {
    r.warnings.push_back({"mail_loop_suspected",
                          "More than " + std::to_string(kLoopHops) +
                              " Received fields: the message was probably caught in a mail loop "
                              "(RFC 5321 §6.3)."});
  }

  r.hops.reserve(fields.size());
  for (std::size_t k = fields.size(); k-- > 0;) {
    hop h;
    static_cast<received&>(h) = parse_received(fields[k]->value);
    h.field_index = fields[k]->index;
    if (h.date) {
      h.time_ms = h.date->epoch_ms;
      h.time = h.date->epoch_seconds();
    }
    h.organization = organization_of(h.by);
    r.hops.push_back(std::move(h));
  }

  // The author's Date: starts the clock (RFC 5322 §3.6.1).
  if (const header_field* date = block.first("Date")) {
    if (auto d = parse_date(date->value)) {
      r.origin_time_ms = d->epoch_ms;
      r.origin_time = d->epoch_seconds();
      r.date_field_index = date->index;
    } else {
      r.warnings.push_back(
          {"unreadable_date_field",
           "The Date: field \"" + date->value.substr(0, 80) + "\" could not be read."});
    }
  }

  // Per-hop delays, from the previous known time; skew labelled, never clamped.
  std::optional<std::int64_t> previous = r.origin_time_ms;
  std::string previous_name = "the Date: field written by the sender's program";
  std::optional<std::int64_t> first_known = r.origin_time_ms;
  std::optional<std::int64_t> last_known;
  for (std::size_t i = 0; i < r.hops.size(); ++i) {
    hop& h = r.hops[i];
    if (!h.time_ms) continue;
    if (previous) {
      h.delay_ms = *h.time_ms - *previous;
      h.delay = *h.delay_ms / 1000;
      if (*h.delay_ms <= -kSkewToleranceMs) add_skew_warning(h, *h.delay_ms, previous_name);
    }
    previous = h.time_ms;
    previous_name =
        "the previous hop's (" + (h.by.empty() ? std::string("unnamed server") : h.by) + ")";
    if (!first_known) first_known = h.time_ms;
    last_known = h.time_ms;
  }
  if (first_known && last_known && (r.origin_time_ms || r.hops.size() > 1)) {
    std::size_t known = r.origin_time_ms ? 1 : 0;
    for (const hop& h : r.hops) known += h.time_ms ? 1 : 0;
    if (known >= 2) {
      r.total_delay_ms = *last_known - *first_known;
      r.total_delay = *r.total_delay_ms / 1000;
    }
  }

  // TLS per hop: a hop between two machines on the Internet without TLS.
  for (hop& h : r.hops) {
    if (h.tls.has_value() && !*h.tls && !h.local && !(h.ip.empty() && h.from.empty()) &&
        !internal::is_private_ip(h.ip)) {
      h.warnings.push_back(
          {"no_tls", "This hop did not use TLS: the message crossed the network unencrypted" +
                         std::string(h.from.empty() ? "" : " from " + h.from) +
                         (h.by.empty() ? "" : " to " + h.by) + "."});
    }
  }

  // The receiving organization: walk back from final delivery while the
  // servers belong to the organization that runs the last one, and stop at
  // the hop whose client is outside it (DESIGN.md, "Whose
  // Authentication-Results count").
  std::string org;
  for (std::size_t i = r.hops.size(); i-- > 0;) {
    hop& h = r.hops[i];
    if (!h.organization.empty()) {
      if (org.empty()) {
        org = h.organization;
      } else if (h.organization != org) {
        break;
      }
    }
    h.receiving = true;
    r.boundary = i;
    if (from_outside(h, org)) break;
  }
  r.receiving_organization = org;
  return r;
}

}  // namespace mailverdict
