/**
 * @file internal/ip.h
 * @brief Recognizing IP address literals in trace fields.
 */
#pragma once

#include <string>
#include <string_view>

namespace mailverdict::internal {

/// RFC 5321 §4.1.3 IPv4-address-literal: four decimal octets 0-255.
bool is_ipv4(std::string_view s);

/// RFC 4291 §2.2 text forms (with "::" and an embedded IPv4 tail), without
/// brackets or the "IPv6:" tag. A zone ("%eth0") is not accepted.
bool is_ipv6(std::string_view s);

/// The address inside an address literal or written bare: strips "[", "]"
/// and an "IPv6:" tag; "" when what remains is not an IP address.
std::string ip_of(std::string_view s);

/// True for addresses that never appear on the public Internet: RFC 1918
/// private ranges, loopback, link-local, RFC 6598 shared space, IPv6 unique
/// local (fc00::/7), link-local (fe80::/10) and loopback.
bool is_private_ip(std::string_view ip);

}  // namespace mailverdict::internal
