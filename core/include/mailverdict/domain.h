/**
 * @file domain.h
 * @brief Domains: normalization, organizational domain (Public Suffix List),
 * and DMARC identifier alignment.
 *
 * RFC 7489 §3.2 defines the organizational domain as the public suffix plus
 * one label; the public suffixes come from the Public Suffix List, compiled
 * into the library at build time by tools/gen/psl.mjs. RFC 7489 §3.1 defines
 * relaxed alignment (same organizational domain) and strict alignment (the
 * same domain exactly).
 */
#pragma once

#include <string>
#include <string_view>

namespace mailverdict {

/// How two domains must relate to align (RFC 7489 §3.1: adkim=, aspf=).
enum class alignment_mode { relaxed, strict };

/// Lowercases an ASCII domain and drops a trailing dot, surrounding white
/// space, angle brackets and quotes. Returns "" for anything that is not a
/// plausible domain name (no dot inside, empty labels, bad characters).
std::string normalize_domain(std::string_view domain);

/// The domain part of an address ("a@b.example" → "b.example"), normalized;
/// a bare domain is returned normalized; "" when there is none.
std::string domain_of(std::string_view address_or_domain);

/// The public suffix of `domain` by the Public Suffix List algorithm
/// (https://publicsuffix.org/list/: longest matching rule, exception rules
/// win, wildcard rules, "*" as the default rule).
std::string public_suffix(std::string_view domain);

/// RFC 7489 §3.2: the public suffix plus one label. A domain that is itself
/// a public suffix is its own organizational domain. "" for an invalid one.
std::string organizational_domain(std::string_view domain);

/// RFC 7489 §3.1: whether `identifier` aligns with the RFC5322.From domain
/// `from_domain` under `mode`. Case-insensitive; false when either is empty.
bool aligned(std::string_view identifier, std::string_view from_domain, alignment_mode mode);

/// Number of rules in the compiled Public Suffix List (for tests and --version).
int public_suffix_rule_count();

}  // namespace mailverdict
