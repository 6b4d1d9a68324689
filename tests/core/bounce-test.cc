// Reading and classifying bounces and other notices (bounce.h), and the
// knowledge rows checked against the real samples they name.
#include "mailverdict/bounce.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "mailverdict/analyze.h"
#include "mailverdict/data/bounce_categories.h"
#include "mailverdict/data/bounce_patterns.h"
#include "mailverdict/data/bounce_texts_ja.h"
#include "mailverdict/data/fix_recipes.h"
#include "mailverdict/fixes.h"
#include "mailverdict/internal/bounce_texts.h"
#include "mailverdict/internal/text.h"

namespace mv = mailverdict;
namespace fs = std::filesystem;

namespace {

fs::path corpus_dir() {
  if (const char* env = std::getenv("MAILVERDICT_CORPUS")) return env;
  return MAILVERDICT_CORPUS_DIR;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

mv::bounce_classification classify_line(const std::string& line) {
  const auto b = mv::read_bounce(line);
  EXPECT_TRUE(b) << line;
  if (!b || b->recipients.empty()) return {};
  return mv::classify_bounce(b->recipients.front(), b->human_text, "");
}

const std::string kDsn =
    "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n"
    "\n"
    "--b\n"
    "Content-Type: text/plain\n"
    "\n"
    "Two recipients failed.\n"
    "--b\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mx.example.net\n"
    "\n"
    "Final-Recipient: rfc822; full@example.org\n"
    "Action: failed\n"
    "Status: 5.2.2\n"
    "Remote-MTA: dns; mx.example.org\n"
    "Diagnostic-Code: smtp; 552 5.2.2 <full@example.org>: Mailbox is\n"
    "    over quota\n"
    "\n"
    "Final-Recipient: rfc822; gone@example.org\n"
    "Original-Recipient: rfc822; alias@example.org\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: Recipient address rejected: User "
    "unknown\n"
    "--b--\n";

// The words Exim opens a failure notice with, up to its list of addresses.
constexpr char kEximFailureIntro[] =
    "This message was created automatically by mail delivery software.\n"
    "\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n"
    "\n";

// An Exim failure notice: its fields and opening words, then `addresses`
// (each failed address and what went wrong).
std::string exim_notice(std::string_view addresses) {
  return "From: Mail Delivery System <Mailer-Daemon@mail.example.com>\n"
         "Subject: Mail delivery failed: returning message to sender\n"
         "\n" +
         std::string(kEximFailureIntro) + std::string(addresses);
}

}  // namespace

TEST(Bounce, ReadsEveryRecipientOfADeliveryStatus) {
  const auto b = mv::read_bounce(kDsn);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->kind, mv::notice_kind::bounce);
  EXPECT_EQ(b->reporting_mta, "mx.example.net");
  ASSERT_EQ(b->recipients.size(), 2u);
  EXPECT_EQ(b->recipients[0].address, "full@example.org");
  EXPECT_EQ(b->recipients[0].remote_mta, "mx.example.org");
  EXPECT_EQ(b->recipients[0].diagnostic,
            "552 5.2.2 <full@example.org>: Mailbox is over quota");  // unfolded
  EXPECT_EQ(b->recipients[0].reply_code, 552);
  EXPECT_EQ(b->recipients[1].original_address, "alias@example.org");
  EXPECT_EQ(b->recipients[1].status, "5.1.1");
  EXPECT_EQ(mv::classify_bounce(b->recipients[0], "", "").category, "mailbox_full");
  EXPECT_EQ(mv::classify_bounce(b->recipients[1], "", "").category, "recipient_unknown");

  const mv::report r = mv::analyze(kDsn);
  EXPECT_EQ(r.input.kind, mv::input_kind::bounce);
  ASSERT_TRUE(r.bounce);
  EXPECT_EQ(r.bounce->recipients.size(), 2u);
  EXPECT_EQ(r.bounce->category, "mailbox_full");
  EXPECT_FALSE(r.fixes.empty());
}

TEST(Bounce, DeliveryStatusValuesWithoutCommentsOrRoutes) {
  // Seen in real DSNs: a comment after the Remote-MTA name (folded onto the
  // next line), a source route before the final address (RFC 5321 §4.1.2)
  // naming a mail store rather than a domain, and a root dot.
  const auto b = mv::read_bounce(
      "From: postmaster@mta1.example.com.ar\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n"
      "\n"
      "--b\n"
      "Content-Type: message/delivery-status\n"
      "\n"
      "Reporting-MTA: dns;mta1.example.com.ar (lmtpcs-daemon)\n"
      "\n"
      "Original-recipient: rfc822;someone@example.com.ar\n"
      "Final-recipient: rfc822;@stov1.example.com.ar:someone@ims_daemon\n"
      "Action: failed\n"
      "Status: 5.2.0 (LMTP transmission failure has occurred)\n"
      "Remote-MTA: dns;stov1.example.com.ar\n"
      " (sto01. -- Server LMTP [Messaging Server 6.1 [built Jan 28 2005]])\n"
      "Diagnostic-code: smtp;522 5.2.0 Delivery failed: Over quota\n"
      "\n"
      "Final-Recipient: rfc822; other@example.jp\n"
      "Action: failed\n"
      "Status: 5.1.1\n"
      "Remote-MTA: dns; mx.example.jp. (198.51.100.225, the server for the domain example.jp.)\n"
      "--b--\n");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->reporting_mta, "mta1.example.com.ar");
  ASSERT_EQ(b->recipients.size(), 2u);
  EXPECT_EQ(b->recipients[0].address, "someone@example.com.ar");
  EXPECT_EQ(b->recipients[0].remote_mta, "stov1.example.com.ar");
  EXPECT_EQ(b->recipients[1].address, "other@example.jp");
  EXPECT_EQ(b->recipients[1].remote_mta, "mx.example.jp");
}

TEST(Bounce, QmailRecipientParagraphWithoutACode) {
  // QSBMF: a recipient paragraph is "<address>:" and the reason; many give
  // no code at all. The address and the words are the recipient's.
  const mv::report r = mv::analyze(
      "From: MAILER-DAEMON@mx.example.com.ar\n"
      "Subject: failure notice\n"
      "\n"
      "Hi. This is the qmail-send program at mx.example.com.ar.\n"
      "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
      "\n"
      "<someone@example.com.ar>:\n"
      "Mailbox quota usage exceeded.\n"
      "\n"
      "--- Below this line is a copy of the message.\n");
  ASSERT_TRUE(r.bounce);
  ASSERT_EQ(r.bounce->recipients.size(), 1u);
  EXPECT_EQ(r.bounce->recipients[0].address, "someone@example.com.ar");
  EXPECT_EQ(r.bounce->recipients[0].diagnostic, "Mailbox quota usage exceeded.");
  EXPECT_EQ(r.bounce->category, "mailbox_full");
  EXPECT_EQ(r.bounce->confidence, "certain");
}

TEST(Bounce, ARecipientListedAloneUnderItsIntroduction) {
  // Exim's delay warning lists the address on a line of its own under
  // "... is:" and gives no reply at all.
  const std::string warning =
      "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
      "Subject: Warning: message 1Gdrvl-0006Gp-PU delayed 48 hours\n"
      "\n"
      "This message was created automatically by mail delivery software.\n"
      "\n"
      "A message that you sent has not yet been delivered to one or more of its\n"
      "recipients after more than 48 hours on the queue on mx.example.net.\n"
      "\n"
      "The address to which the message has not yet been delivered is:\n"
      "\n"
      "  someone@example.biz\n"
      "\n"
      "No action is required on your part.\n";
  const mv::report r = mv::analyze(warning);
  ASSERT_TRUE(r.bounce);
  EXPECT_EQ(r.input.kind, mv::input_kind::delay_notice);
  EXPECT_EQ(r.bounce->recipients.at(0).address, "someone@example.biz");
  // OpenSMTPD lists each recipient with its reason after a colon.
  const mv::report smtpd = mv::analyze(
      "From: MAILER-DAEMON@mx.example.jp\n"
      "Subject: Delivery status notification: error\n"
      "\n"
      "    Hi!\n"
      "    This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.\n"
      "    An error has occurred while attempting to deliver a message for\n"
      "    the following list of recipients:\n"
      "\n"
      "someone@neko.example.jp: Domain does not exist\n"
      "\n"
      "    Below is a copy of the original message:\n");
  ASSERT_TRUE(smtpd.bounce);
  EXPECT_EQ(smtpd.bounce->recipients.at(0).address, "someone@neko.example.jp");
  EXPECT_EQ(smtpd.bounce->category, "dns_failure");
  // An address alone in the instructions is a contact, not the recipient.
  const mv::report fml = mv::analyze(
      "From: list-admin@example.org\n"
      "Subject: Returned mail\n"
      "\n"
      "You are not a member of this mailing list <list@example.org>.\n"
      "\n"
      "If you know the general guide of this list, please send mail to the address\n"
      "\n"
      "\tlist-ctl@example.org\n");
  ASSERT_TRUE(fml.bounce);
  ASSERT_FALSE(fml.bounce->recipients.empty());
  EXPECT_NE(fml.bounce->recipients[0].address, "list-ctl@example.org");
}

TEST(Bounce, TheServerNamedBeforeTheReply) {
  // Exim and Postfix name the server before quoting it, with no Remote-MTA
  // field: "host NAME [IP]: reply" and "host NAME[IP] said: reply".
  const mv::report exim = mv::analyze(
      exim_notice("  someone@hotmail.example\n"
                  "    host mx4.hotmail.com [192.0.2.104]: 550 Requested action not taken:\n"
                  "    mailbox unavailable\n"));
  ASSERT_TRUE(exim.bounce);
  EXPECT_EQ(exim.bounce->remote_mta.value_or(""), "mx4.hotmail.com");
  EXPECT_EQ(exim.bounce->provider.value_or(""), "microsoft");
  const mv::report postfix = mv::analyze(
      "From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\n"
      "Subject: Undelivered Mail Returned to Sender\n"
      "\n"
      "This is the mail system at host mail.example.com.\n"
      "\n"
      "<someone@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1\n"
      "    <someone@example.org>: Recipient address rejected: User unknown\n");
  ASSERT_TRUE(postfix.bounce);
  EXPECT_EQ(postfix.bounce->remote_mta.value_or(""), "mx.example.org");
  // "host" in other words is not a server name.
  const mv::report words = mv::analyze(
      "From: MAILER-DAEMON@mail.example.com\n"
      "Subject: failure notice\n"
      "\n"
      "This message was created automatically by mail delivery software.\n"
      "\n"
      "  someone@example.net\n"
      "    the host said: 550 5.1.1 unknown user [see docs]\n");
  ASSERT_TRUE(words.bounce);
  EXPECT_FALSE(words.bounce->remote_mta.has_value());
}

// A Sendmail notice whose delivery-status part has no Remote-MTA field; its
// transcript names the server ("... while talking to HOST.:") before the
// exchange that failed. `transcript_code` is the reply in the transcript.
std::string sendmail_notice(std::string_view transcript_code) {
  return "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.jp>\n"
         "Subject: Returned mail: see transcript for details\n"
         "MIME-Version: 1.0\n"
         "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n"
         "\n"
         "--b\n"
         "Content-Type: text/plain\n"
         "\n"
         "   ----- Transcript of session follows -----\n"
         "... while talking to mx.example.com.:\n"
         ">>> RCPT To:<someone@example.com>\n"
         "<<< " +
         std::string(transcript_code) +
         " <someone@example.com>... User unknown\n"
         "\n"
         "--b\n"
         "Content-Type: message/delivery-status\n"
         "\n"
         "Reporting-MTA: dns; mx.example.jp\n"
         "\n"
         "Final-Recipient: RFC822; someone@example.com\n"
         "Action: failed\n"
         "Status: 5.1.1\n"
         "Diagnostic-Code: SMTP; 550 5.1.1 <someone@example.com>... User unknown\n"
         "\n"
         "--b--\n";
}

TEST(Bounce, SendmailsTranscriptNamesTheServer) {
  const mv::report r = mv::analyze(sendmail_notice("550 5.1.1"));
  ASSERT_TRUE(r.bounce);
  EXPECT_EQ(r.bounce->recipient.value_or(""), "someone@example.com");
  EXPECT_EQ(r.bounce->remote_mta.value_or(""), "mx.example.com");
  EXPECT_EQ(r.bounce->category, "recipient_unknown");
  // A transcript whose reply is not the recipient's says nothing about the
  // server that gave the recipient's reply.
  const mv::report other = mv::analyze(sendmail_notice("452 4.2.2"));
  ASSERT_TRUE(other.bounce);
  EXPECT_FALSE(other.bounce->remote_mta.has_value());
}

TEST(Bounce, EximsReasonUnderTheAddressIsTheServersWords) {
  // Exim puts each failed address alone on a line and what went wrong under
  // it, indented deeper, with no reply code when no server replied.
  const mv::report r =
      mv::analyze(exim_notice("  someone@example.net\n"
                              "    mailbox is full: retry timeout exceeded\n"));
  ASSERT_TRUE(r.bounce);
  EXPECT_EQ(r.bounce->recipient.value_or(""), "someone@example.net");
  EXPECT_EQ(r.bounce->diagnostic, "mailbox is full: retry timeout exceeded");
  EXPECT_EQ(r.bounce->category, "mailbox_full");
  // An address line followed by text that is not indented under it is not
  // such a paragraph.
  const mv::report flat =
      mv::analyze(exim_notice("  someone@example.net\n"
                              "mailbox is full: retry timeout exceeded\n"));
  ASSERT_TRUE(flat.bounce);
  EXPECT_NE(flat.bounce->diagnostic, "mailbox is full: retry timeout exceeded");
}

TEST(Bounce, AReplyMayHoldTheWordsThatIntroduceOne) {
  // "Error:" introduces Microsoft's quoted reply; here it is a word of
  // Yahoo's reply, after its code, and the reply is still the reply.
  const mv::report r =
      mv::analyze(exim_notice("  someone@yahoo.example\n"
                              "    SMTP error from remote mail server after end of data:\n"
                              "    host mx1.mail.yahoo.com [192.0.2.7]: 554 delivery error:\n"
                              "    dd This account has been disabled or discontinued [#102].\n"));
  ASSERT_TRUE(r.bounce);
  EXPECT_EQ(r.bounce->reply_code.value_or(0), 554);
  EXPECT_EQ(r.bounce->remote_mta.value_or(""), "mx1.mail.yahoo.com");
  EXPECT_EQ(r.bounce->provider.value_or(""), "yahoo");
  EXPECT_EQ(r.bounce->category, "recipient_disabled");
  EXPECT_TRUE(r.bounce->diagnostic.starts_with("554 delivery error: dd This account"));
}

TEST(Bounce, ARecipientNamedAtTheEndOfALine) {
  // "Could not be delivered to: <a@x>" (KDDI), "Unknown user: a@x" (IMail):
  // words ending in a colon, then the address.
  const auto recipient = [](std::string_view body) {
    const mv::report r = mv::analyze(
        "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.jp>\n"
        "Subject: Returned mail: User unknown\n"
        "\n" +
        std::string(body));
    return r.bounce ? r.bounce->recipient.value_or("") : std::string("(not a bounce)");
  };
  EXPECT_EQ(recipient("Your mail sent on: Thu, 29 Apr 2013 23:45:22 +0900\n"
                      "     Could not be delivered to: <someone@example.jp>\n"
                      "     As their mailbox is full.\n"),
            "someone@example.jp");
  EXPECT_EQ(recipient("Unknown user: someone@example.com\n"), "someone@example.com");
  // The sender is not the recipient, and neither is a header field's value.
  EXPECT_EQ(recipient("Sender Address: sender@example.org\nUser unknown.\n"), "");
  EXPECT_EQ(recipient("Reply-To: other@example.org\nUser unknown.\n"), "");
}

TEST(Bounce, TheWordsDecideNotTheNumber) {
  // The same 550 5.7.1, five different causes.
  EXPECT_EQ(classify_line("550 5.7.1 Email rejected per DMARC policy for example.com").category,
            "dmarc_policy");
  EXPECT_EQ(classify_line("550 5.7.1 Unable to relay").category, "relay_denied");
  EXPECT_EQ(
      classify_line("550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using Spamhaus")
          .category,
      "ip_blocklisted");
  EXPECT_EQ(classify_line("550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized").category,
            "recipient_restricted");
  EXPECT_EQ(classify_line("550 5.7.1 Client was not authenticated").category, "smtp_auth_required");
  // Unknown words: the code's registry meaning, with low confidence.
  const auto c = classify_line("550 5.7.1 Go away");
  EXPECT_EQ(c.category, "admin_policy");
  EXPECT_FALSE(c.by_text);
  EXPECT_EQ(c.confidence, mv::confidence_level::possible);
  EXPECT_EQ(classify_line("451 4.4.7 try later").category, "expired");
}

TEST(Bounce, ADynamicAddressIsNotABlockListing) {
  // A refusal of mail sent straight from a home connection names no list:
  // the fix is a relay, not a delisting.
  const auto exim =
      classify_line("550 5.7.0 <a@example.jp>... Please use the smtp server of your ISP.");
  EXPECT_EQ(exim.category, "dynamic_ip");
  EXPECT_TRUE(exim.blocklist.empty());
  EXPECT_EQ(classify_line("554 5.7.1 We do not accept mail from dynamic IPs").category,
            "dynamic_ip");
  // A block list named beside the word "dynamic" is still a listing.
  const auto listed =
      classify_line("554 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org; dynamic IP");
  EXPECT_EQ(listed.category, "ip_blocklisted");
  EXPECT_EQ(listed.blocklist, "Spamhaus");
}

TEST(Bounce, ARefusalAtConnectionIsAboutTheHostNotAReasonItDidNotGive) {
  // Exim names the stage: refused right after EHLO, with no reason in the
  // words. The host was refused; which check refused it is not known.
  const std::string notice =
      "From: Mail Delivery System <mailer-daemon@example.com>\n"
      "Subject: Mail delivery failed: returning message to sender\n"
      "\n" +
      std::string(kEximFailureIntro) +
      "  someone@example.org\n"
      "    host mx.example.org [192.0.2.1]\n"
      "    SMTP error from remote mail server after EHLO mail.example.com:\n"
      "    550 Rejected\n";
  const mv::report r = mv::analyze(notice);
  ASSERT_TRUE(r.bounce);
  EXPECT_EQ(r.bounce->category, "host_refused");
  EXPECT_EQ(r.bounce->confidence, "likely");
  // The same words after RCPT TO are not about the host.
  std::string later = notice;
  later.replace(later.find("after EHLO mail.example.com"), 27,
                "after RCPT TO:<someone@example.org>");
  const mv::report r2 = mv::analyze(later);
  ASSERT_TRUE(r2.bounce);
  EXPECT_NE(r2.bounce->category, "host_refused");
}

TEST(Bounce, ProviderCodesWithoutKnownWords) {
  const auto c = classify_line("550 5.7.509 Access denied");
  EXPECT_EQ(c.category, "dmarc_policy");
  EXPECT_EQ(c.provider, "microsoft");
  EXPECT_EQ(c.confidence, mv::confidence_level::likely);
}

TEST(Bounce, TheProviderIsNamedForPeople) {
  const mv::report r =
      mv::analyze("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a@example.com not found");
  ASSERT_TRUE(r.bounce);
  EXPECT_EQ(r.bounce->provider, "microsoft");
  EXPECT_EQ(r.bounce->provider_name, "Microsoft");
  // Nothing names the refusing site: neither field is set.
  const mv::report unknown = mv::analyze("550 5.1.1 <a@example.com>: Recipient address rejected");
  ASSERT_TRUE(unknown.bounce);
  EXPECT_FALSE(unknown.bounce->provider_name.has_value());
}

TEST(Bounce, OrdinaryHeadersAreNotABounce) {
  EXPECT_FALSE(mv::read_bounce(
      "From: a@example.com\nTo: b@example.org\nSubject: lunch at 550?\n\nSee you.\n"));
  EXPECT_FALSE(mv::read_bounce("Just some prose about 550 things."));
  EXPECT_FALSE(mv::read_bounce(""));
}

TEST(Bounce, NoticesThatAreNotBounces) {
  auto b = mv::read_bounce(
      "From: bob@example.org\nTo: a@example.com\nSubject: Automatic reply: hello\nAuto-Submitted: "
      "auto-replied\n\n"
      "I am out of the office until Monday.\n");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->kind, mv::notice_kind::auto_reply);

  std::string delivered = kDsn;
  for (std::size_t at; (at = delivered.find("Action: failed")) != std::string::npos;) {
    delivered.replace(at, 14, "Action: delivered");
  }
  b = mv::read_bounce(delivered);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->kind, mv::notice_kind::delivered);
  EXPECT_EQ(mv::analyze(delivered).input.kind, mv::input_kind::delivery_notice);
  EXPECT_FALSE(mv::analyze(delivered).bounce);

  std::string delayed = kDsn;
  for (std::size_t at; (at = delayed.find("Action: failed")) != std::string::npos;) {
    delayed.replace(at, 14, "Action: delayed");
  }
  const mv::report r = mv::analyze(delayed);
  EXPECT_EQ(r.input.kind, mv::input_kind::delay_notice);
  EXPECT_EQ(r.verdict.status, mv::verdict_status::warning);

  const std::string arf =
      "From: fbl@example.net\nSubject: FW: report\n"
      "Content-Type: multipart/report; report-type=feedback-report; boundary=x\n\n"
      "--x\nContent-Type: text/plain\n\nThis is an abuse report.\n"
      "--x\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nVersion: 1\n"
      "--x--\n";
  EXPECT_EQ(mv::analyze(arf).input.kind, mv::input_kind::feedback_report);
  std::string ruf = arf;
  ruf.replace(ruf.find("Feedback-Type: abuse"), 20,
              "Feedback-Type: auth-failure\nAuth-Failure: dmarc");
  EXPECT_EQ(mv::analyze(ruf).input.kind, mv::input_kind::dmarc_report);
}

TEST(Bounce, AmazonSesNotificationsInJson) {
  const std::string head =
      "From: SES <no-reply@sns.amazonaws.com>\nTo: a@example.com\n"
      "Subject: AWS Notification Message\nContent-Type: text/plain; charset=UTF-8\n\n";
  const std::string bounce =
      R"({"notificationType":"Bounce","mail":{"source":"a@example.com","destination":)"
      R"(["x@example.org"]},"bounce":{"bounceType":"Permanent","bounceSubType":"General",)"
      R"("bouncedRecipients":[{"emailAddress":"gone@example.org","action":"failed",)"
      R"("status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown \u2013 \"gone\""},)"
      R"({"emailAddress":"full@example.org","status":"5.2.2",)"
      R"("diagnosticCode":"smtp; 552 5.2.2 Mailbox full"}],)"
      R"("reportingMTA":"dsn; a27-23.smtp-out.us-west-2.amazonses.com"}})";
  const mv::report r = mv::analyze(head + bounce + "\n--\nunsubscribe text\n");
  EXPECT_EQ(r.input.kind, mv::input_kind::bounce);
  ASSERT_TRUE(r.bounce);
  EXPECT_EQ(r.bounce->category, "recipient_unknown");
  EXPECT_EQ(r.bounce->diagnostic, "550 5.1.1 user unknown \xE2\x80\x93 \"gone\"");
  EXPECT_EQ(r.bounce->recipient.value_or(""), "gone@example.org");
  EXPECT_EQ(r.bounce->reporting_mta.value_or(""), "a27-23.smtp-out.us-west-2.amazonses.com");
  ASSERT_EQ(r.bounce->recipients.size(), 2u);
  EXPECT_EQ(r.bounce->recipients[1].category, "mailbox_full");
  // The same object pasted alone.
  EXPECT_EQ(mv::analyze(bounce).input.kind, mv::input_kind::bounce);

  EXPECT_EQ(mv::analyze(head + R"({"notificationType":"Delivery","delivery":{"recipients":)"
                               R"(["x@example.org"],"smtpResponse":"250 ok"}})")
                .input.kind,
            mv::input_kind::delivery_notice);
  EXPECT_EQ(mv::analyze(head + R"({"notificationType":"Complaint","complaint":)"
                               R"({"complainedRecipients":[{"emailAddress":"x@example.org"}],)"
                               R"("complaintFeedbackType":"abuse"}})")
                .input.kind,
            mv::input_kind::feedback_report);
  // Truncated or not SES at all: no crash, not read as SES.
  EXPECT_NO_FATAL_FAILURE(mv::analyze(head + R"({"notificationType":"Bounce","bounce":{"bo)"));
  EXPECT_FALSE(mv::read_bounce(R"({"notificationType":"Other"})"));
}

TEST(Bounce, SesSubtypeWithoutDiagnostic) {
  const mv::report r = mv::analyze(
      R"({"notificationType":"Bounce","bounce":{"bounceType":"Transient",)"
      R"("bounceSubType":"MailboxFull","bouncedRecipients":[{"emailAddress":"a@example.org"}]}})");
  ASSERT_TRUE(r.bounce);
  EXPECT_EQ(r.bounce->category, "mailbox_full");
  EXPECT_EQ(r.input.kind, mv::input_kind::bounce);  // sent once SES stopped retrying
}

TEST(Bounce, SeveralRecipientsOneLineEach) {
  const std::string msg =
      "From: MAILER-DAEMON@example.net\nSubject: Returned mail: see transcript for details\n\n"
      "   ----- Transcript of session follows -----\n"
      ">>> RCPT To:<c@example.edu>\n"
      "<<< 550 <c@example.edu>... User unknown\n"
      "554 <a@example.org>... 550 Host unknown (Authoritative answer from name server)\n"
      "552 <b@example.org>... Mailbox full\n"
      "550 <c@example.edu>... User unknown\n";
  const mv::report r = mv::analyze(msg);
  ASSERT_TRUE(r.bounce);
  ASSERT_EQ(r.bounce->recipients.size(), 3u);
  EXPECT_EQ(r.bounce->recipients[0].address, "a@example.org");
  EXPECT_EQ(r.bounce->recipients[0].category, "dns_failure");
  EXPECT_EQ(r.bounce->recipients[1].address, "b@example.org");
  EXPECT_EQ(r.bounce->recipients[1].category, "mailbox_full");
  // c's reply, not the "<<<" echo before it (which may name the sender).
  EXPECT_EQ(r.bounce->recipients[2].address, "c@example.edu");
  EXPECT_EQ(r.bounce->recipients[2].category, "recipient_unknown");
  // Sendmail V5's transcript (sisimai-set-of-emails lhost-v5sendmail-07):
  // the first recipient's line holds only sendmail's own "Remote protocol
  // error"; the server's words are the quoted answer to MAIL FROM.
  const mv::report v5 = mv::analyze(
      "From: Mail Delivery Subsystem <MAILER-DAEMON@example.com>\n"
      "Subject: Returned mail: User unknown\n\n"
      "   ----- Transcript of session follows -----\n"
      "While talking to mailin1.example.org:\n"
      ">>> MAIL From:<shironeko@example.co.jp>\n"
      "<<< 501 <shironeko@example.co.jp>... no access from mail server [192.0.2.55] which is an "
      "open relay.\n"
      "554 <kijitora@example.org>... Remote protocol error\n"
      "550 example.org (smtp)... 550 Host unknown\n"
      "554 <mikeneko@example.org>... 550 Host unknown (Authoritative answer from name server)\n"
      "While talking to smtp.example.edu:\n"
      ">>> RCPT To:<hachiware@example.edu>\n"
      "<<< 550 <hachiware@example.edu>... User unknown\n"
      "550 <hachiware@example.edu>... User unknown\n");
  ASSERT_TRUE(v5.bounce);
  ASSERT_EQ(v5.bounce->recipients.size(), 3u);
  EXPECT_EQ(v5.bounce->recipients[0].address, "kijitora@example.org");
  EXPECT_EQ(v5.bounce->recipients[0].category, "reputation");
  EXPECT_EQ(v5.bounce->recipients[0].reply_code, 501);
  EXPECT_EQ(v5.bounce->recipients[1].category, "dns_failure");
  EXPECT_EQ(v5.bounce->recipients[2].category, "recipient_unknown");
  // Without a quoted reply before it, the summary is all there is.
  const mv::report bare = mv::analyze(
      "From: MAILER-DAEMON@example.com\nSubject: Returned mail: see transcript for details\n\n"
      "   ----- Transcript of session follows -----\n"
      "554 <a@example.org>... Remote protocol error\n"
      "550 <b@example.net>... User unknown\n");
  ASSERT_TRUE(bare.bounce);
  ASSERT_EQ(bare.bounce->recipients.size(), 2u);
  EXPECT_EQ(bare.bounce->recipients[0].category, "protocol_error");
  // Zoho's notice (sisimai-set-of-emails lhost-zoho-02, its two lines as
  // sent): the codes follow "ERROR_CODE :" labels.
  const mv::report zoho = mv::analyze(
      "From: mailer-daemon@mail.zoho.com\nSubject: Undelivered Mail Returned to Sender\n\n"
      "This message was created automatically by mail delivery software.\n"
      "A message that you sent could not be delivered to one or more of its recipients. This "
      "is a permanent error. \n\n"
      "mikeneko@example.co.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.2.1 "
      "<mikeneko@example.co.jp>... User Unknown\n"
      "sabineko@example.co.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.2.2 "
      "<sabineko@example.co.jp>... Mailbox Full\n");
  ASSERT_TRUE(zoho.bounce);
  ASSERT_EQ(zoho.bounce->recipients.size(), 2u);
  EXPECT_EQ(zoho.bounce->recipients[0].address, "mikeneko@example.co.jp");
  EXPECT_EQ(zoho.bounce->recipients[0].category, "recipient_unknown");
  EXPECT_EQ(zoho.bounce->recipients[0].reply_code, 550);
  EXPECT_EQ(zoho.bounce->recipients[0].status.value_or(""), "5.2.1");
  EXPECT_EQ(zoho.bounce->recipients[1].address, "sabineko@example.co.jp");
  EXPECT_EQ(zoho.bounce->recipients[1].category, "mailbox_full");
  EXPECT_EQ(zoho.bounce->recipients[1].status.value_or(""), "5.2.2");
  // One address on several lines is one recipient: the usual single bounce.
  const auto one = mv::read_bounce(
      "From: MAILER-DAEMON@example.net\nSubject: Returned mail\n\n"
      "<<< 550 5.1.1 <c@example.edu>... User unknown\n550 5.1.1 <c@example.edu>... User unknown\n");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->recipients.size(), 1u);
}

// Each recipient keeps its own words (sisimai-set-of-emails rfc3464-35, the
// example of RFC 3464's appendix, and lhost-opensmtpd-17): a short but
// complete reply stays, a recipient without a Diagnostic-Code takes its
// Status: comment or a line of its own, never another recipient's reply.
TEST(Bounce, RecipientsKeepTheirOwnWords) {
  const mv::report rfc = mv::analyze(
      "From: Mail Delivery Subsystem <MAILER-DAEMON@NEKO.EXAMPLE.ORG>\n"
      "Subject: Returned mail: User unknown\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
      "--b\ncontent-type: text/plain; charset=us-ascii\n\n"
      "       ----- The following addresses had delivery problems -----\n"
      "<kijitora@nyaan.example.com> (unrecoverable error)\n"
      "<mikeneko@neko.example.or.jp> (unrecoverable error)\n\n"
      "--b\ncontent-type: message/delivery-status\n\n"
      "Reporting-MTA: dns; cs.utk.edu\n\n"
      "Original-Recipient: rfc822;kijitora@nyaan.example.com\n"
      "Final-Recipient: rfc822;kijitora@nyaan.example.com\n"
      "Action: failed\n"
      "Status: 5.0.0 (permanent failure)\n"
      "Diagnostic-Code: smtp;  550 'kijitora@nyaan.example.com' is not a\n"
      " registered gateway user\n"
      "Remote-MTA: dns; nyaan.example.com\n\n"
      "Original-Recipient: rfc822;sabatora@cat.example.net\n"
      "Final-Recipient: rfc822;sabatora@cat.example.net\n"
      "Action: delayed\n"
      "Status: 4.0.0 (cat.example.net: host name lookup failure)\n\n"
      "Original-Recipient: rfc822;mikeneko@neko.example.or.jp\n"
      "Final-Recipient: rfc822;mikeneko@neko.example.or.jp\n"
      "Action: failed\n"
      "Status: 5.0.0\n"
      "Diagnostic-Code: smtp; 550 user unknown\n"
      "Remote-MTA: dns; neko.example.or.jp\n\n"
      "--b--\n");
  ASSERT_TRUE(rfc.bounce);
  ASSERT_EQ(rfc.bounce->recipients.size(), 3u);
  // Failed recipients first, then the delayed one.
  EXPECT_EQ(rfc.bounce->recipients[1].address, "mikeneko@neko.example.or.jp");
  EXPECT_EQ(rfc.bounce->recipients[1].diagnostic, "550 user unknown");
  EXPECT_EQ(rfc.bounce->recipients[2].address, "sabatora@cat.example.net");
  EXPECT_EQ(rfc.bounce->recipients[2].diagnostic, "cat.example.net: host name lookup failure");
  EXPECT_EQ(rfc.bounce->recipients[2].category, "dns_failure");

  const mv::report smtpd = mv::analyze(
      "From: Mailer Daemon <MAILER-DAEMON@df.example.jp>\n"
      "Subject: Delivery status notification: error\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
      "--b\nContent-Type: text/plain; charset=us-ascii\n\n"
      "    This is the MAILER-DAEMON, please DO NOT REPLY to this email.\n\n"
      "    An error has occurred while attempting to deliver a message for\n"
      "    the following list of recipients:\n\n"
      "userunknown@libsisimai.net: 550 5.1.1 <userunknown@libsisimai.net>: Recipient address "
      "rejected: User unknown\n"
      "mailboxfull@libsisimai.net: 552 5.2.2 <mailboxfull@libsisimai.net>: Recipient address "
      "rejected: Mailbox full\n\n"
      "--b\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; df.example.jp\n\n"
      "Final-Recipient: rfc822; userunknown@libsisimai.net\n"
      "Action: failed\n"
      "Status: 5.0.0\n\n"
      "Final-Recipient: rfc822; mailboxfull@libsisimai.net\n"
      "Action: failed\n"
      "Status: 5.0.0\n\n"
      "--b--\n");
  ASSERT_TRUE(smtpd.bounce);
  ASSERT_EQ(smtpd.bounce->recipients.size(), 2u);
  EXPECT_EQ(smtpd.bounce->recipients[0].category, "recipient_unknown");
  EXPECT_EQ(smtpd.bounce->recipients[1].address, "mailboxfull@libsisimai.net");
  EXPECT_EQ(smtpd.bounce->recipients[1].category, "mailbox_full");
  EXPECT_EQ(smtpd.bounce->recipients[1].reply_code, 552);
}

// A notice that quotes no reply (sisimai-set-of-emails lhost-exim-31): the
// words Exim wrote under the address are the diagnostic, and the cause's
// evidence is those words, not the notice's opening lines.
TEST(Bounce, EvidenceOfANoticeWithoutAReply) {
  const mv::report r = mv::analyze(
      "From: Mail Delivery System <mailer-daemon@neko.example.com>\n"
      "Subject: Mail delivery failed: returning message to sender\n\n"
      "This message was created automatically by mail delivery software.\n\n"
      "A message that you sent could not be delivered to one or more of its\n"
      "recipients. This is a permanent error. The following address(es) failed:\n\n"
      "  kijitora@example.net\n"
      "    The mail server could not deliver mail to kijitora@example.net.  The account or "
      "domain may not exist, they may be blacklisted, or missing the proper dns entries.\n");
  ASSERT_TRUE(r.bounce);
  const std::string words =
      "The mail server could not deliver mail to kijitora@example.net. The account or domain "
      "may not exist, they may be blacklisted, or missing the proper dns entries.";
  EXPECT_EQ(r.bounce->diagnostic, words);
  EXPECT_FALSE(r.bounce->reply_code.has_value());
  ASSERT_FALSE(r.causes.empty());
  ASSERT_FALSE(r.causes[0].evidence.empty());
  EXPECT_EQ(r.causes[0].evidence[0].text, words);
}

TEST(Bounce, JapaneseTextInItsOwnCharsets) {
  // "送信先のメールボックスが一杯のため、送信できませんでした。" (the
  // destination mailbox is full) in each charset, base64, with no English.
  const std::pair<const char*, const char*> kForms[] = {
      {"ISO-2022-JP",
       "GyRCQXc/LkBoJE4lYSE8JWslXCVDJS8lOSQsMGxHVSROJD8kYSEiQXc/LiRHJC0kXiQ7JHMkRyQ3JD8hIxsoQg=="},
      {"Shift_JIS",
       "kZeQTZDmgsyDgYFbg4uDe4Nig06DWIKqiOqUdILMgr2C34FBkZeQTYLFgquC3IK5gvGCxYK1gr2BQg=="},
      {"EUC-JP",
       "wfe/rsDopM6l4aG8peul3KXDpa+luaSssOzH1aTOpL+k4aGiwfe/rqTHpK2k3qS7pPOkx6S3pL+how=="},
  };
  for (const auto& [charset, b64] : kForms) {
    const std::string msg =
        std::string("From: no-reply@example.jp\nTo: a@example.com\nSubject: x\n") +
        "Content-Type: text/plain; charset=\"" + charset +
        "\"\nContent-Transfer-Encoding: base64\n\n" + b64 + "\n";
    const mv::report r = mv::analyze(msg);
    EXPECT_EQ(r.input.kind, mv::input_kind::bounce) << charset;
    ASSERT_TRUE(r.bounce) << charset;
    EXPECT_EQ(r.bounce->category, "mailbox_full") << charset;
    EXPECT_EQ(r.bounce->matched.value_or(""), "メールボックスが一杯") << charset;
  }
  // JIS bytes are ASCII letters: matched case-insensitively, "%a" (メ)
  // would also find "%A" (チ). The same phrase with its letters' case
  // flipped is other characters and must not match.
  EXPECT_NE(
      mailverdict::internal::find_japanese_text("\x1b$B%a!<%k%\\%C%/%9$,0lGU\x1b(B", "reason"),
      nullptr);
  EXPECT_EQ(
      mailverdict::internal::find_japanese_text("\x1b$B%A!<%K%\\%c%/%9$,0Lgu\x1b(B", "reason"),
      nullptr);
  // An ordinary ISO-2022-JP message is no bounce.
  EXPECT_FALSE(mv::read_bounce(
      "From: a@example.jp\nTo: b@example.com\nSubject: hi\nContent-Type: text/plain; "
      "charset=ISO-2022-JP\n\n\x1b$B%a!<%k\x1b(B\n"));
}

TEST(Bounce, JapaneseRowsMatchTheSamplesTheyName) {
  const fs::path dir = corpus_dir() / "sisimai-set-of-emails" / "maildir-bsd";
  if (!fs::exists(dir)) GTEST_SKIP() << "corpus not found at " << dir;
  for (const auto& row : mv::data::bounce_texts_ja()) {
    const std::string raw = slurp(dir / (std::string(row.sample) + ".eml"));
    const auto b = mv::read_bounce(raw);
    ASSERT_TRUE(b) << row.sample;
    EXPECT_EQ(mailverdict::internal::find_japanese_text(b->human_text, row.kind), &row)
        << row.sample;
    if (row.kind == "reason") {
      EXPECT_EQ(mv::analyze(raw).bounce->category, row.category);
    }
  }
}

TEST(Bounce, ReportPartsAfterTheDeliveryStatusAreTheOriginal) {
  // RFC 6522 §3: the returned headers sent as text/plain are not the
  // notice's words (they held a "Virus-Version" header here).
  const std::string msg =
      "From: postmaster@example.net\nSubject: Delivery Notification: Delivery has been delayed\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nTCP active open: Failed connect() Error: Connection timed "
      "out\n"
      "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; example.net\n\n"
      "Final-Recipient: rfc822; a@example.org\nAction: delayed\nStatus: 4.4.7\n"
      "--b\nContent-Type: text/plain\n\nFrom: a@example.com\nX-Proofpoint-Virus-Version: 1\n"
      "Subject: hello\n\n--b--\n";
  const auto b = mv::read_bounce(msg);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->human_text.find("Virus"), std::string::npos);
  EXPECT_NE(b->original_headers.find("X-Proofpoint-Virus-Version"), std::string::npos);
  EXPECT_EQ(mv::analyze(msg).bounce->category, "network_error");
}

TEST(Bounce, NoticeFormsWithoutTheUsualMarkers) {
  // Postfix address verification: "Action: deliverable" is a success.
  std::string verify = kDsn;
  for (std::size_t at; (at = verify.find("Action: failed")) != std::string::npos;) {
    verify.replace(at, 14, "Action: deliverable");
  }
  EXPECT_EQ(mv::analyze(verify).input.kind, mv::input_kind::delivery_notice);
  // A complaint forwarded by a provider without RFC 5965's format.
  EXPECT_EQ(mv::analyze("From: staff@hotmail.com\nTo: a@example.com\nSubject: complaint about "
                        "message from 192.0.2.1\n\nA user complained.\n")
                .input.kind,
            mv::input_kind::feedback_report);
  // A DSN pasted as text without a Diagnostic-Code: its Status is no reply.
  const auto b = mv::read_bounce(
      "From: MAILER-DAEMON@example.edu\nSubject: Returned mail: see transcript\n\n"
      "   ----- Transcript of session follows -----\n"
      "554 \"|exec /usr/local/bin/procmail\"... Service unavailable\n\n"
      "Reporting-MTA: dns; example.edu\n\nFinal-Recipient: RFC822; a@example.edu\n"
      "Action: failed\nStatus: 5.5.0\n");
  ASSERT_TRUE(b);
  ASSERT_FALSE(b->recipients.empty());
  EXPECT_EQ(b->recipients[0].diagnostic.rfind("554 ", 0), 0u) << b->recipients[0].diagnostic;
  // A disclaimer about scanning for viruses is no malware verdict.
  EXPECT_NE(mv::analyze("From: postmaster@example.net\nSubject: Delivery Status Notification "
                        "(Failure)\n\nDelivery to the following recipients failed.\n\n"
                        "Scanned for all viruses by the gateway.\n")
                .bounce.value_or(mv::bounce_report{})
                .category,
            "malware");
}

TEST(Bounce, EveryCategoryAndFixIsDefined) {
  // Each pattern row names a known category; each category's fixes exist.
  for (const auto& row : mv::data::bounce_patterns()) {
    bool known = false;
    for (const auto& cat : mv::data::bounce_categories()) known |= cat.category == row.category;
    EXPECT_TRUE(known) << row.pattern << " -> " << row.category;
  }
  for (const auto& cat : mv::data::bounce_categories()) {
    std::string ids(cat.fixes);
    std::istringstream in(ids);
    for (std::string id; in >> id;) {
      EXPECT_FALSE(mv::make_fix(id, {}).steps.empty()) << cat.category << ": no recipe " << id;
    }
  }
}

TEST(Bounce, PatternRowsMatchTheSamplesTheyName) {
  const fs::path dir = corpus_dir() / "sisimai-set-of-emails" / "maildir-bsd";
  if (!fs::exists(dir)) GTEST_SKIP() << "corpus not found at " << dir;
  int checked = 0;
  for (const auto& row : mv::data::bounce_patterns()) {
    if (row.sample == "-") continue;
    const std::string sample(row.sample);
    const fs::path file =
        sample.find('/') != std::string::npos ? corpus_dir() / sample : dir / (sample + ".eml");
    ASSERT_TRUE(fs::exists(file)) << file;
    const mv::report r = mv::analyze(slurp(file));
    ASSERT_TRUE(r.bounce) << row.sample;
    // This very row decided the sample's category (a code-only row may be
    // preceded by a text row of the same code).
    if (!row.pattern.empty()) {
      EXPECT_EQ(r.bounce->matched.value_or(""), row.pattern)
          << row.sample << ": " << r.bounce->diagnostic;
    }
    EXPECT_EQ(r.bounce->category, row.category) << row.sample;
    ++checked;
  }
  EXPECT_GT(checked, 5);
}
