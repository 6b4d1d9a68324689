/**
 * @file sending_services.cpp
 * @brief Sending-service recognition from core/data/sending_services.tsv.
 */
#include "mailverdict/sending_services.h"

#include <algorithm>
#include <utility>

#include "mailverdict/data/sending_services.h"
#include "mailverdict/domain.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

sending_service to_service(const data::sending_services_row& row) {
  sending_service s;
  s.id = std::string(row.service);
  s.name = std::string(row.name);
  const std::string_view inc = row.spf_includes;
  s.spf_include = std::string(inc.substr(0, inc.find(' ')));
  s.dkim_setup = std::string(row.dkim_setup);
  if (row.return_path_setup != "-") s.return_path_setup = std::string(row.return_path_setup);
  return s;
}

// `domain` (already normalized) is `pattern` or a name under it. The
// table's patterns are lowercase ASCII (sending_services.tsv).
bool within(std::string_view domain, std::string_view pattern) {
  if (domain.size() < pattern.size() || domain.substr(domain.size() - pattern.size()) != pattern) {
    return false;
  }
  return domain.size() == pattern.size() || domain[domain.size() - pattern.size() - 1] == '.';
}

// The first listed domain that `domain` (normalized) falls within, or "".
std::string_view match_list(std::string_view list, std::string_view domain) {
  if (domain.empty()) return {};
  while (!list.empty()) {
    const std::size_t sp = list.find(' ');
    const std::string_view one = list.substr(0, sp);
    if (!one.empty() && within(domain, one)) return one;
    if (sp == std::string_view::npos) break;
    list.remove_prefix(sp + 1);
  }
  return {};
}

}  // namespace

bool domain_within(std::string_view domain, std::string_view pattern) {
  const std::string d = normalize_domain(domain);
  const std::string p = normalize_domain(pattern);
  if (d.empty() || p.empty() || d.size() < p.size()) return false;
  if (d == p) return true;
  return d.size() > p.size() && d[d.size() - p.size() - 1] == '.' &&
         d.compare(d.size() - p.size(), p.size(), p) == 0;
}

std::vector<service_match> recognize_services(const sender_identifiers& ids) {
  std::vector<service_match> out;
  // Each identifier normalized once (lowercase, A-labels), not once per row.
  auto normalized = [](const std::vector<std::string>& names) {
    std::vector<std::pair<std::string, std::string>> v;  // (as written, normalized)
    v.reserve(names.size());
    for (const auto& n : names) v.emplace_back(n, normalize_domain(n));
    return v;
  };
  const auto dkim = normalized(ids.dkim_domains);
  const auto mailfrom = normalized(ids.mailfrom_domains);
  const auto hosts = normalized(ids.received_hosts);
  const auto includes = normalized(ids.spf_includes);
  for (const auto& row : data::sending_services()) {
    service_match m;
    auto note = [&](const std::string& text, int points) {
      if (std::find(m.evidence.begin(), m.evidence.end(), text) != m.evidence.end()) return;
      m.evidence.push_back(text);
      m.score += points;
    };
    for (const auto& [d, n] : dkim) {
      if (!match_list(row.dkim_domains, n).empty()) note("DKIM d=" + d, 2);
    }
    for (const auto& [d, n] : mailfrom) {
      if (!match_list(row.mailfrom_domains, n).empty()) note("MAIL FROM domain " + d, 2);
    }
    for (const auto& [h, n] : hosts) {
      if (!match_list(row.received_hosts, n).empty()) note("Received from " + h, 1);
    }
    for (const auto& [inc, n] : includes) {
      if (!match_list(row.spf_includes, n).empty()) note("SPF include:" + inc, 1);
    }
    if (m.score == 0) continue;
    m.service = to_service(row);
    out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  return out;
}

sending_service service_by_id(std::string_view id) {
  for (const auto& row : data::sending_services()) {
    if (row.service == id) return to_service(row);
  }
  return {};
}

std::size_t sending_service_count() { return data::sending_services().size(); }

}  // namespace mailverdict
