/**
 * @file internal/tag_list.h
 * @brief The tag=value list shared by DKIM-Signature (RFC 6376 §3.2),
 * ARC-Seal and ARC-Message-Signature (RFC 8617 §4.1) and DMARC records
 * (RFC 7489 §6.4).
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mailverdict/errors.h"

namespace mailverdict::internal {

struct tag {
  std::string name;   ///< Lowercase tag name.
  std::string value;  ///< Value with folding white space removed at both ends.
};

/// A parsed tag-list in written order.
struct tag_list {
  std::vector<tag> tags;
  /// The value of `name`, or nullptr when absent.
  const std::string* get(std::string_view name) const;
};

/// RFC 6376 §3.2: tag-list = tag-spec *( ";" tag-spec ) [ ";" ];
/// tag-spec = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]. Fails on a
/// tag without '=', a bad tag name, or a duplicate tag ("Tags with
/// duplicate names MUST NOT occur"). `what` names the field in messages.
result<tag_list> parse_tag_list(std::string_view text, std::string_view what);

/// A tag value with all white space removed (base64 in b=, bh=; RFC 6376
/// §3.5 says white space in them is ignored).
std::string strip_spaces(std::string_view v);

/// Whether a tag value holds anything but white space: whether strip_spaces()
/// would be non-empty, without making the copy (a b= value is hundreds of
/// bytes, and only its presence is read).
bool has_text(std::string_view v);

/// Parses a non-negative decimal number of at most 18 digits.
bool parse_number(std::string_view s, long long& out);

}  // namespace mailverdict::internal
