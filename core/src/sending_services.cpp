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

// Which rows list a domain, by the domain: every entry of the four lists of
// sending_services.tsv, sorted, so an identifier is looked up by its own
// name and each parent name (a label at a time) instead of against every
// row. The table's domains are lowercase ASCII.
enum list_kind : unsigned char { kDkim, kMailFrom, kHost, kInclude, kKinds };

struct index_entry {
  std::string_view domain;
  std::size_t row;
  list_kind kind;
};

const std::vector<index_entry>& service_index() {
  static const std::vector<index_entry> index = [] {
    std::vector<index_entry> v;
    const auto rows = data::sending_services();
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const std::string_view lists[kKinds] = {rows[r].dkim_domains, rows[r].mailfrom_domains,
                                              rows[r].received_hosts, rows[r].spf_includes};
      for (unsigned k = 0; k < kKinds; ++k) {
        std::string_view list = lists[k];
        while (!list.empty()) {
          const std::size_t sp = list.find(' ');
          const std::string_view one = list.substr(0, sp);
          if (!one.empty()) v.push_back({one, r, static_cast<list_kind>(k)});
          if (sp == std::string_view::npos) break;
          list.remove_prefix(sp + 1);
        }
      }
    }
    std::sort(v.begin(), v.end(),
              [](const index_entry& a, const index_entry& b) { return a.domain < b.domain; });
    return v;
  }();
  return index;
}

// Calls `hit(row)` once for each row whose `kind` list holds `domain`
// (normalized) or a name it falls under.
template <class F>
void rows_listing(std::string_view domain, list_kind kind, F&& hit) {
  const auto& index = service_index();
  std::vector<std::size_t> seen;
  for (std::string_view name = domain; !name.empty();) {
    auto it =
        std::lower_bound(index.begin(), index.end(), name,
                         [](const index_entry& e, std::string_view n) { return e.domain < n; });
    for (; it != index.end() && it->domain == name; ++it) {
      if (it->kind != kind || std::find(seen.begin(), seen.end(), it->row) != seen.end()) continue;
      seen.push_back(it->row);
      hit(it->row);
    }
    const std::size_t dot = name.find('.');
    if (dot == std::string_view::npos) break;
    name.remove_prefix(dot + 1);
  }
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
  // Evidence per row in the order the row-by-row reading gave it: DKIM,
  // MAIL FROM, hosts, SPF includes, each in the identifiers' order.
  const auto rows = data::sending_services();
  std::vector<service_match> found(rows.size());
  auto note = [&](std::size_t row, const std::string& text, int points) {
    service_match& m = found[row];
    if (std::find(m.evidence.begin(), m.evidence.end(), text) != m.evidence.end()) return;
    m.evidence.push_back(text);
    m.score += points;
  };
  struct source {
    const std::vector<std::pair<std::string, std::string>>& ids;
    list_kind kind;
    std::string_view label;
    int points;
  };
  const source sources[] = {{dkim, kDkim, "DKIM d=", 2},
                            {mailfrom, kMailFrom, "MAIL FROM domain ", 2},
                            {hosts, kHost, "Received from ", 1},
                            {includes, kInclude, "SPF include:", 1}};
  for (const source& src : sources) {
    for (const auto& id : src.ids) {
      rows_listing(id.second, src.kind,
                   [&](std::size_t r) { note(r, std::string(src.label) + id.first, src.points); });
    }
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (found[r].score == 0) continue;
    found[r].service = to_service(rows[r]);
    out.push_back(std::move(found[r]));
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
