/**
 * @file dmarc_record.cpp
 * @brief DMARC records (RFC 7489 §6.3).
 */
#include "mailverdict/dmarc_record.h"

#include "mailverdict/internal/record_text.h"
#include "mailverdict/internal/tag_list.h"
#include "mailverdict/internal/text.h"

namespace mailverdict {

namespace {

bool valid_policy(const std::string& p) {
  return p == "none" || p == "quarantine" || p == "reject";
}

std::vector<std::string> uri_list(std::string_view v) {
  std::vector<std::string> out;
  while (!v.empty()) {
    const std::size_t comma = v.find(',');
    const std::string_view u = internal::trim(v.substr(0, comma));
    if (!u.empty()) out.emplace_back(u);
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

std::string dmarc_record::policy_for(std::string_view from_domain,
                                     std::string_view org_domain) const {
  const std::string f = normalize_domain(from_domain);
  if (!f.empty() && f != normalize_domain(org_domain) && subdomain_policy) return *subdomain_policy;
  return policy;
}

result<dmarc_record> parse_dmarc_record(std::string_view pasted) {
  const std::string text = internal::record_text(pasted, "v=dmarc1");
  if (text.empty()) {
    return parse_error{error_code::missing_part,
                       "The DMARC record must start with v=DMARC1 (RFC 7489 §6.4); none was found "
                       "in what was pasted."};
  }
  auto parsed = internal::parse_tag_list(text, "The DMARC record");
  if (!parsed) return parsed.error();
  const auto& t = parsed.value();
  dmarc_record r;
  r.text = text;
  if (t.tags.front().name != "v" || !internal::iequals(t.tags.front().value, "DMARC1")) {
    return parse_error{error_code::syntax, "The DMARC record must begin with v=DMARC1."};
  }
  auto low = [&](const char* name) -> std::optional<std::string> {
    if (const std::string* v = t.get(name)) return internal::lower(internal::trim(*v));
    return std::nullopt;
  };
  const auto p = low("p");
  if (p && valid_policy(*p)) {
    r.policy = *p;
  } else if (t.get("rua") != nullptr) {
    // RFC 7489 §6.6.3 step 6: with rua= but no valid p=, act as p=none.
    r.policy = "none";
    r.warnings.push_back(
        {"dmarc_no_policy",
         p ? "p=" + *p + " is not a valid policy; receivers treat the record as p=none."
           : "The record has no p= tag; receivers treat it as p=none."});
  } else {
    return parse_error{
        error_code::missing_part,
        p ? "p=" + *p + " is not a valid policy (none, quarantine or reject)."
          : std::string("The DMARC record has no p= tag (RFC 7489 §6.3 requires it).")};
  }
  if (const auto sp = low("sp")) {
    if (valid_policy(*sp))
      r.subdomain_policy = *sp;
    else
      r.warnings.push_back(
          {"dmarc_bad_sp", "sp=" + *sp + " is not a valid policy and is ignored."});
  }
  if (const auto np = low("np")) {
    if (valid_policy(*np))
      r.nonexistent_policy = *np;
    else
      r.warnings.push_back(
          {"dmarc_bad_np", "np=" + *np + " is not a valid policy and is ignored."});
  }
  auto mode = [&](const char* name, alignment_mode& m, bool& written) {
    if (const auto v = low(name)) {
      written = true;
      if (*v == "s")
        m = alignment_mode::strict;
      else if (*v != "r")
        r.warnings.push_back({"dmarc_bad_alignment", std::string(name) + "=" + *v +
                                                         " is neither r nor s; relaxed applies."});
    }
  };
  mode("adkim", r.dkim_alignment, r.adkim_written);
  mode("aspf", r.spf_alignment, r.aspf_written);
  if (const auto pct = low("pct")) {
    long long n = 0;
    if (internal::parse_number(*pct, n) && n <= 100)
      r.percent = static_cast<int>(n);
    else
      r.warnings.push_back({"dmarc_bad_pct", "pct=" + *pct + " is not 0 to 100; 100 applies."});
  }
  if (const std::string* v = t.get("rua")) r.rua = uri_list(*v);
  if (const std::string* v = t.get("ruf")) r.ruf = uri_list(*v);
  if (const auto fo = low("fo")) r.failure_options = *fo;
  return r;
}

}  // namespace mailverdict
