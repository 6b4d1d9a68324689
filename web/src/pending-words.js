// What the core leaves for the browser to decode (it carries no East Asian
// charset tables, to stay small): RFC 2047 encoded words in ISO-2022-JP,
// Shift_JIS, EUC-JP, GB2312/GBK/GB18030, Big5 or EUC-KR, which the report
// lists per header as `pending` ({ word, charset, bytes in base64 }), and
// ISO-2022-JP text (RFC 1468) in bounce messages, which is 7-bit and so
// reaches the report with its escape sequences intact. TextDecoder knows
// every one of these charsets (WHATWG Encoding Standard).

// ESC $ @ or ESC $ B switch to JIS X 0208; ESC ( B or ESC ( J switch back.
const JIS_RUN = /\x1b\$[@B][^\x1b]*(?:\x1b\([BJ])?/g;
// Fields that hold the input exactly as written: left as they are.
const AS_WRITTEN = new Set(['raw', 'word', 'bytes', 'value']);

function bytesOf(base64) {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

// Joined ISO-2022-JP words put a switch back to ASCII right before the next
// word's switch to JIS; the WHATWG decoder reports two escapes in a row as
// an error (U+FFFD), so the empty ASCII stretch is dropped first.
function withoutEmptyAsciiRuns(bytes) {
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x28 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x4a) &&
        bytes[i + 3] === 0x1b) {
      i += 2;
      continue;
    }
    out.push(bytes[i]);
  }
  return Uint8Array.from(out);
}

function decoderFor(charset, cache) {
  if (!cache.has(charset)) {
    let decoder = null;
    try {
      decoder = new TextDecoder(charset);
    } catch {
      // A label this browser does not know: the word stays as written.
    }
    cache.set(charset, decoder);
  }
  return cache.get(charset);
}

function decodeJisRuns(text, cache) {
  const decoder = decoderFor('iso-2022-jp', cache);
  if (!decoder) return text;
  return text.replace(JIS_RUN, (run) => {
    const bytes = new Uint8Array(run.length);
    for (let i = 0; i < run.length; i++) bytes[i] = run.charCodeAt(i) & 0x7f;
    return decoder.decode(bytes);
  });
}

/**
 * Returns `report` with pending encoded words and ISO-2022-JP runs decoded
 * in every text meant for reading (headline, causes, header `decoded`
 * values, the message summary...). Fields holding the input as written
 * (`raw`, `value`) are kept. The report is changed in place and returned.
 */
export function decodePendingWords(report) {
  if (!report || typeof report !== 'object') return report;
  const cache = new Map();
  const words = new Map();
  for (const field of Array.isArray(report.headers) ? report.headers : []) {
    for (const p of Array.isArray(field?.pending) ? field.pending : []) {
      if (typeof p?.word !== 'string' || words.has(p.word)) continue;
      const decoder = decoderFor(String(p.charset ?? ''), cache);
      if (!decoder) continue;
      try {
        const bytes = bytesOf(String(p.bytes ?? ''));
        words.set(p.word, decoder.decode(decoder.encoding === 'iso-2022-jp' ? withoutEmptyAsciiRuns(bytes) : bytes));
      } catch {
        // Damaged base64: leave the word as written.
      }
    }
  }
  const fix = (text) => {
    let out = text;
    if (words.size > 0 && out.includes('=?')) {
      // Adjacent words (RFC 2047 §6.2) arrive already joined into one entry.
      for (const [word, decoded] of words) out = out.split(word).join(decoded);
    }
    return out.includes('\x1b$') ? decodeJisRuns(out, cache) : out;
  };
  // Iterative walk (no recursion whose depth depends on the report).
  const stack = [report];
  while (stack.length > 0) {
    const node = stack.pop();
    for (const key of Object.keys(node)) {
      const v = node[key];
      if (typeof v === 'string') {
        if (!AS_WRITTEN.has(key)) node[key] = fix(v);
      } else if (v && typeof v === 'object') {
        stack.push(v);
      }
    }
  }
  return report;
}
