/**
 * @file internal/bounce_json.h
 * @brief Notices that arrive as JSON: Amazon SES event notifications
 * (delivered by SNS as an e-mail whose body is the JSON object).
 */
#pragma once

#include <optional>
#include <string_view>

#include "mailverdict/bounce.h"

namespace mailverdict::internal {

/// Reads an Amazon SES notification ({"notificationType": "Bounce" |
/// "Complaint" | "Delivery", ...}) found in `text`. Bounce recipients come
/// from bounce.bouncedRecipients (emailAddress, action, status,
/// diagnosticCode), the reporting MTA from bounce.reportingMTA. Returns
/// nullopt when `text` holds no such object. Linear in the input; the
/// scanner reads only string members and never recurses.
std::optional<bounce_message> read_ses_notification(std::string_view text);

}  // namespace mailverdict::internal
