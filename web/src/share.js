// Sharing without a server: the input travels compressed (deflate-raw,
// CompressionStream) and base64url-encoded in the URL fragment, which
// browsers never send to any server. Optionally the local parts of addresses
// are replaced first, so the link does not say who wrote to whom.
const PREFIX = '#share=v1.';

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The fragment (starting with '#') that carries `payload` ({ text, dmarcRecord, spfRecord }). */
export async function encodeShare(payload) {
  const json = JSON.stringify({ t: payload.text ?? '', d: payload.dmarcRecord || undefined, s: payload.spfRecord || undefined });
  return PREFIX + toBase64Url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/** The payload of a share fragment, or null when `hash` is not one (or is damaged). */
export async function decodeShare(hash) {
  if (typeof hash !== 'string' || !hash.startsWith(PREFIX)) return null;
  try {
    const bytes = await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    const o = JSON.parse(new TextDecoder().decode(bytes));
    if (!o || typeof o.t !== 'string') return null;
    return { text: o.t, dmarcRecord: typeof o.d === 'string' ? o.d : '', spfRecord: typeof o.s === 'string' ? o.s : '' };
  } catch {
    return null;
  }
}

// RFC 5322 dot-atom local parts (and the VERP forms services build from
// them), followed by @ and a domain name.
const ADDRESS = /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?=(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})/g;

// RFC 8601 properties (and Received-SPF keys) that hold an address.
const PROPERTY = /^(?:(?:smtp|header|policy|dkim|arc)\.[A-Za-z-]+|envelope-from|mailfrom|identity|sender|from)=/i;

/**
 * Replaces the local part of every address with "user1", "user2", ... (the
 * same local part always gets the same name), keeping the domains, which
 * the diagnosis needs.
 */
export function redactLocalParts(text) {
  const names = new Map();
  return String(text).replace(ADDRESS, (match) => {
    // "smtp.mailfrom=bounces@x" and "header.i=@x": keep the property name.
    const prefix = PROPERTY.exec(match)?.[0] ?? '';
    const local = match.slice(prefix.length, -1);
    if (local === '') return match;
    if (!names.has(local)) names.set(local, `user${names.size + 1}`);
    return `${prefix}${names.get(local)}@`;
  });
}
