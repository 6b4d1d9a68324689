/**
 * @file sending_services.h
 * @brief Recognizing the service that sent a message (SendGrid, Amazon SES,
 * Mailchimp, ...) from its DKIM d= domains, its MAIL FROM domain and the
 * hosts in Received lines, using core/data/sending_services.tsv.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mailverdict {

/// A service from the table.
struct sending_service {
  std::string id;                 ///< "sendgrid"
  std::string name;               ///< "SendGrid"
  std::string spf_include;        ///< The include: it needs ("sendgrid.net").
  std::string dkim_setup;         ///< Where its domain authentication is set up.
  std::string return_path_setup;  ///< Its custom return-path setting, "" when none.
};

/// A recognized service and the identifiers that point at it.
struct service_match {
  sending_service service;
  std::vector<std::string>
      evidence;   ///< "DKIM d=sendgrid.net", "MAIL FROM bounces.sendgrid.net", ...
  int score = 0;  ///< DKIM and MAIL FROM count 2, a Received host 1.
};

/// What the headers show about the sender.
struct sender_identifiers {
  std::vector<std::string> dkim_domains;  ///< d= of signatures and results
  std::vector<std::string>
      mailfrom_domains;  ///< smtp.mailfrom, Return-Path, Received-SPF envelope-from
  std::vector<std::string> received_hosts;  ///< sender-side hosts of Received lines
  std::vector<std::string> spf_includes;    ///< include: targets seen (a pasted SPF record)
};

/// The services the identifiers match, best first (ties in table order).
std::vector<service_match> recognize_services(const sender_identifiers& ids);

/// The service with table id `id`; an empty id when unknown.
sending_service service_by_id(std::string_view id);

/// Number of services in the table.
std::size_t sending_service_count();

/// True when `domain` equals `pattern` or is a subdomain of it (ASCII,
/// case-insensitive).
bool domain_within(std::string_view domain, std::string_view pattern);

}  // namespace mailverdict
