/**
 * @file mime.cpp
 * @brief MIME entities of a message (see mime.h): RFC 2045, RFC 2046.
 */
#include "mailverdict/mime.h"

#include <deque>

#include "mailverdict/encoded_words.h"
#include "mailverdict/internal/lines.h"
#include "mailverdict/internal/text.h"
#include "mailverdict/internal/transfer_encoding.h"
#include "mailverdict/message.h"

namespace mailverdict {

namespace {

using internal::is_wsp;
using internal::trim;

// One entity waiting to be read: its text (header block and body) points
// into the input or into a decoded buffer owned by parse_mime.
struct job {
  std::string_view text;
  std::size_t depth;
  std::size_t parent;
  bool returned;
  bool top;
};

// A text body in UTF-8 where the core decodes its charset
// (encoded_words.h: charset_to_utf8). East Asian and unknown charsets keep
// their bytes (the report makes them valid UTF-8); so does a body labelled
// with a single-byte charset that is valid UTF-8 already, as mislabelled
// UTF-8 is far more common than Latin text that happens to be valid UTF-8.
std::string body_to_utf8(std::string bytes, std::string_view charset) {
  if (charset.empty() || internal::is_valid_utf8(bytes)) return bytes;
  std::string out;
  if (!charset_to_utf8(charset, bytes, out)) return bytes;
  return out;
}

// RFC 2046 §5.1.1: a boundary line is "--" boundary, optionally "--" after
// it (the close delimiter), then only white space.
enum class delimiter { none, part, close };
delimiter boundary_line(std::string_view line, std::string_view boundary) {
  if (line.size() < boundary.size() + 2 || line[0] != '-' || line[1] != '-') return delimiter::none;
  if (line.substr(2, boundary.size()) != boundary) return delimiter::none;
  std::string_view rest = line.substr(2 + boundary.size());
  bool close = false;
  if (rest.size() >= 2 && rest[0] == '-' && rest[1] == '-') {
    close = true;
    rest.remove_prefix(2);
  }
  return trim(rest).empty() ? (close ? delimiter::close : delimiter::part) : delimiter::none;
}

}  // namespace

std::string_view mime_part::field(std::string_view name) const {
  for (const auto& f : fields) {
    if (internal::iequals(f.name, name)) return f.value;
  }
  return {};
}

std::vector<mime_field> read_fields(std::string_view text, std::size_t& body_offset) {
  std::vector<mime_field> fields;
  body_offset = text.size();
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line =
        text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) {  // RFC 5322 §2.1: the empty line ends the header section
      body_offset = next;
      return fields;
    }
    if (is_wsp(line[0]) && !fields.empty()) {  // §2.2.3 unfolding
      fields.back().value += ' ';
      fields.back().value += trim(line);
    } else if (looks_like_field(line)) {
      const std::size_t colon = line.find(':');
      fields.push_back(
          {std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
    } else if (fields.empty()) {
      // No header section at all: the entity is all body.
      body_offset = pos;
      return fields;
    }
    pos = next;
  }
  return fields;
}

std::string mime_parameter(std::string_view value, std::string_view name) {
  // RFC 2045 §5.1 parameters with RFC 2231 continuations and charsets, as
  // parse_mime_parameters (encoded_words.h) reads them.
  for (auto& p : parse_mime_parameters(value)) {
    if (internal::iequals(p.name, name)) return std::move(p.value);
  }
  return {};
}

std::string decode_quoted_printable(std::string_view text) {
  std::string out;
  internal::decode_quoted_printable(text, out, internal::qp_mode::body);
  return out;
}

std::string decode_base64(std::string_view text) {
  std::string out;
  internal::decode_base64(text, out, internal::base64_mode::body);
  return out;
}

mime_message parse_mime(std::string_view text) {
  return parse_mime(text, parse_header_block(text));
}

mime_message parse_mime(std::string_view text, const header_block& top) {
  mime_message msg;
  std::deque<std::string> buffers;  // decoded texts the views below point into
  std::vector<job> work;            // LIFO, children pushed in reverse order
  work.push_back({text, 0, 0, false, true});
  bool reported_limit = false;

  while (!work.empty()) {
    const job j = work.back();
    work.pop_back();
    if (msg.parts.size() >= kMaxMimeParts) {
      if (!reported_limit) {
        msg.warnings.push_back({"mime_too_many_parts", "The message has more than " +
                                                           std::to_string(kMaxMimeParts) +
                                                           " MIME parts; the rest were not read."});
        reported_limit = true;
      }
      break;
    }
    mime_part part;
    part.depth = j.depth;
    part.inside_returned_message = j.returned;
    const std::size_t self = msg.parts.size();
    part.parent = j.top ? self : j.parent;

    std::size_t body_offset = 0;
    if (j.top) {
      // The pasted text may start with a note before the headers.
      part.fields.reserve(top.fields.size());
      for (const auto& f : top.fields) part.fields.push_back({f.name, f.value});
      body_offset = top.has_body ? top.body_offset : j.text.size();
    } else {
      part.fields = read_fields(j.text, body_offset);
    }
    const std::string_view raw_body = j.text.substr(std::min(body_offset, j.text.size()));

    const std::string_view ctype = part.field("Content-Type");
    std::string media = internal::lower(trim(ctype.substr(0, ctype.find(';'))));
    if (media.empty() || media.find('/') == std::string::npos) media = "text/plain";
    part.media_type = media;
    part.charset = internal::lower(mime_parameter(ctype, "charset"));
    part.report_type = internal::lower(mime_parameter(ctype, "report-type"));

    const bool multipart = internal::istarts_with(media, "multipart/");
    if (multipart && j.depth < kMaxMimeDepth) {
      const std::string boundary = mime_parameter(ctype, "boundary");
      std::vector<std::string_view> children;
      if (!boundary.empty()) {
        std::size_t start = std::string_view::npos;  // start of the current child
        for (const auto& l : internal::split_lines(raw_body)) {
          const delimiter d = boundary_line(l.text, boundary);
          if (d == delimiter::none) continue;
          if (start != std::string_view::npos) {
            // The line end before the delimiter belongs to the delimiter (§5.1.1).
            std::size_t end = l.offset;
            if (end > start && raw_body[end - 1] == '\n') --end;
            if (end > start && raw_body[end - 1] == '\r') --end;
            children.push_back(raw_body.substr(start, end - start));
          }
          if (d == delimiter::close) {
            start = std::string_view::npos;
            break;
          }
          std::size_t next = l.offset + l.text.size();
          if (next < raw_body.size() && raw_body[next] == '\r') ++next;
          if (next < raw_body.size() && raw_body[next] == '\n') ++next;
          start = next;
        }
        // A truncated message has no close delimiter: keep the last part.
        if (start != std::string_view::npos && start < raw_body.size())
          children.push_back(raw_body.substr(start));
      }
      if (children.empty()) {
        part.media_type = "text/plain";  // unreadable multipart: keep its text
        part.body = std::string(raw_body);
        msg.parts.push_back(std::move(part));
        continue;
      }
      msg.parts.push_back(std::move(part));
      for (auto it = children.rbegin(); it != children.rend(); ++it) {
        work.push_back({*it, j.depth + 1, self, j.returned, false});
      }
      continue;
    }
    if (multipart) {
      msg.warnings.push_back({"mime_too_deep", "MIME nesting deeper than " +
                                                   std::to_string(kMaxMimeDepth) +
                                                   " levels was not opened."});
    }

    // RFC 2045 §6: undo the transfer encoding.
    const std::string cte = internal::lower(trim(part.field("Content-Transfer-Encoding")));
    std::string decoded;
    if (cte == "base64") {
      decoded = decode_base64(raw_body);
    } else if (cte == "quoted-printable") {
      decoded = decode_quoted_printable(raw_body);
    } else {
      decoded = std::string(raw_body);
    }

    const bool embedded = media == "message/rfc822" || media == "message/global";
    if (embedded && j.depth < kMaxMimeDepth) {
      // RFC 2046 §5.2.1: the body is a whole message; read it as an entity.
      msg.parts.push_back(std::move(part));
      buffers.push_back(std::move(decoded));
      work.push_back({buffers.back(), j.depth + 1, self, true, false});
      continue;
    }
    if (internal::istarts_with(media, "text/")) {
      part.body = body_to_utf8(std::move(decoded), part.charset);
    } else {
      part.body = std::move(decoded);
    }
    msg.parts.push_back(std::move(part));
  }
  return msg;
}

}  // namespace mailverdict
