// The page's own JavaScript that runs without a DOM: the share codec and
// redaction, the Markdown and text reports, the wasm embedding and the bundler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { repoRoot, webDir, fixturesDir } from './paths.mjs';
import { bundle } from '../../tools/esm-bundle.mjs';

const src = (f) => pathToFileURL(join(repoRoot, 'web', 'src', f)).href;
const { encodeShare, decodeShare, redactLocalParts } = await import(src('share.js'));
const { analyze } = await import(pathToFileURL(join(webDir, 'mailverdict.mjs')).href);

test('share links round-trip any text, including invalid and huge input', async () => {
  const texts = ['', 'From: a@example.com\n', '\u0000\uFFFD\uD83D\uDE00 </textarea><script>x</script>', 'y'.repeat(200000)];
  for (const text of texts) {
    const hash = await encodeShare({ text, dmarcRecord: 'v=DMARC1; p=reject' });
    assert.match(hash, /^#share=v1\.[A-Za-z0-9_-]*$/);
    assert.deepEqual(await decodeShare(hash), { text, dmarcRecord: 'v=DMARC1; p=reject', spfRecord: '' });
  }
  const long = await encodeShare({ text: 'y'.repeat(200000) });
  assert.ok(long.length < 2000, `compressed: ${long.length}`);
});

test('damaged or foreign fragments decode to null', async () => {
  for (const hash of ['', '#', '#share=v1.', '#share=v1.!!!', '#share=v2.abc', '#other', '#share=v1.AAAA', null]) {
    assert.equal(await decodeShare(hash), null, String(hash));
  }
});

test('redaction replaces local parts consistently and keeps domains', () => {
  const text = 'From: Jordan <jordan.lee@contoso.com>\nTo: orders@northwind-traders.com\n' +
    'Return-Path: bounces+2817-a1-jordan.lee=contoso.com@bounces.sendgrid.net\nCc: jordan.lee@contoso.com\n' +
    'Authentication-Results: x; dkim=pass header.i=@sendgrid.net; spf=pass smtp.mailfrom=b+1=contoso.com@sendgrid.net\n';
  const out = redactLocalParts(text);
  assert.equal(out, 'From: Jordan <user1@contoso.com>\nTo: user2@northwind-traders.com\n' +
    'Return-Path: user3@bounces.sendgrid.net\nCc: user1@contoso.com\n' +
    'Authentication-Results: x; dkim=pass header.i=@sendgrid.net; spf=pass smtp.mailfrom=user4@sendgrid.net\n');
});

test('the Markdown and text reports say the verdict, the causes and the numbered fixes', async () => {
  const { toMarkdown, toPlainText } = await import(src('report-text.js'));
  const report = await analyze(readFileSync(join(fixturesDir, 'sendgrid-unaligned-microsoft', 'input.txt'), 'utf8'));
  const md = toMarkdown(report);
  assert.ok(md.startsWith(`## \u2716 PROBLEM: ${report.verdict.headline}\n`));
  assert.match(md, /### Why\n\n- \*\*certain\*\* /);
  const numbered = md.match(/^\d+\. \*\*/gm) ?? [];
  assert.equal(numbered.length, report.fixes.filter((f) => f.id !== 'confirm').length);
  const text = toPlainText(report);
  assert.ok(text.startsWith(`PROBLEM: ${report.verdict.headline}\n`));
  // A bounce names the provider as people do ("Microsoft", not its id).
  const bounce = await analyze('550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a@example.com not found');
  assert.equal(bounce.bounce.provider, 'microsoft');
  assert.match(toMarkdown(bounce), /- Rejected by: `Microsoft`/);
  // A report with nothing but a verdict (older or partial) still renders.
  assert.match(toMarkdown({ verdict: { status: 'unknown', headline: 'x' } }), /^## \? UNKNOWN: x/);
  assert.match(toPlainText({}), /^UNKNOWN: /);
});

test('the embedded core unpacks to the exact bytes of the .wasm, and is much smaller than gzip makes it', async () => {
  const { coreWasmBytesSync } = await import(pathToFileURL(join(webDir, 'mailverdict-core-bytes.mjs')).href);
  const wasm = readFileSync(join(repoRoot, 'build', 'wasm', 'wasm', 'mailverdict-core.wasm'));
  const bytes = coreWasmBytesSync();
  assert.equal(bytes.length, wasm.length);
  assert.ok(Buffer.from(bytes).equals(wasm), 'the unpacked core differs from the .wasm');
  const source = readFileSync(join(webDir, 'mailverdict-core-wasm.js'));
  assert.match(source.toString('latin1'), /^(\/\/[^\n]*\n)+(export const \w+ = (\d+|'[A-Za-z0-9+/=]*');\n)+$/);
  assert.ok(gzipSync(source, { level: 9 }).length < 0.9 * gzipSync(wasm, { level: 9 }).length);
});

// The decoder module on its own: any LZMA properties, and damaged streams refused.
async function lzmaDecoder() {
  const { lzmaDecoder: base64 } = await import(pathToFileURL(join(webDir, 'mailverdict-core-wasm.js')).href);
  const { instance } = await WebAssembly.instantiate(Buffer.from(base64, 'base64'));
  const { memory, lzma_work_size: workSize, lzma_decode: decode } = instance.exports;
  return (packed, size) => {
    const input = memory.buffer.byteLength;
    const output = input + packed.length;
    const work = (output + size + 15) & ~15;
    memory.grow(Math.ceil((work + workSize(packed[0]) - input) / 65536));
    new Uint8Array(memory.buffer).set(packed, input);
    const n = decode(input, packed.length, output, size, work);
    return n < 0 ? null : Buffer.from(new Uint8Array(memory.buffer, output, n));
  };
}
const xz = (bytes, options) => execFileSync('xz', ['--format=lzma', `--lzma1=${options}`, '--stdout'], { input: bytes });

test('the LZMA decoder reads streams of any properties and refuses damaged ones', async () => {
  const decode = await lzmaDecoder();
  const text = readFileSync(join(repoRoot, 'README.md'));
  let noise = 12345;
  const random = Buffer.alloc(50000, 0).map(() => (noise = (noise * 1103515245 + 12345) >>> 0) >>> 24);
  for (const input of [text, random, Buffer.alloc(100000, 7), Buffer.from('x')]) {
    for (const options of ['preset=0', 'preset=6,lc=0,lp=2,pb=2', 'preset=9e,lc=4,lp=0,pb=4', 'preset=9e,lc=3,pb=0']) {
      const packed = xz(input, options);  // decoded size unknown: the stream ends with a marker
      assert.ok(decode(packed, input.length)?.equals(input), `${options}, ${input.length} bytes`);
      packed.writeUInt32LE(input.length, 5);
      packed.writeUInt32LE(0, 9);
      assert.ok(decode(packed, input.length)?.equals(input), `${options} with the size in the header`);
    }
  }
  const packed = xz(text, 'preset=6');
  assert.equal(decode(packed, text.length + 1), null, 'a stream shorter than the size asked for');
  assert.equal(decode(packed.subarray(0, packed.length >> 1), text.length), null, 'a truncated stream');
  assert.equal(decode(Buffer.concat([Buffer.from([225]), packed.subarray(1)]), text.length), null, 'bad properties');
  for (let i = 0; i < 200; i++) {  // damaged bytes: refused or decoded to something else, never a crash
    const bad = Buffer.from(packed);
    bad[14 + (i * 7919) % (bad.length - 14)] ^= 1 << (i % 8);
    const out = decode(bad, text.length);
    assert.ok(out === null || out.length === text.length);
  }
});

test('the bundler links named, default, namespace and re-exports, and refuses what it cannot do', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mv-bundle-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.js'), "export const a = 1;\nexport function twice(x) { return 2 * x; }\n");
  writeFileSync(join(dir, 'sub', 'b.js'), "import { a as one, twice } from '../a.js';\nconst b = twice(one) + 1;\nexport default b;\n");
  writeFileSync(join(dir, 'entry.js'), "import b from './sub/b.js';\nimport * as A from './a.js';\nimport './side.js';\n" +
    "export { twice } from './a.js';\nexport const sum = b + A.a + globalThis.side;\nconst local = 7;\nexport { local as seven };\n");
  writeFileSync(join(dir, 'side.js'), 'globalThis.side = 10;\n');
  const out = join(dir, 'out.mjs');
  writeFileSync(out, bundle(join(dir, 'entry.js')));
  const m = await import(pathToFileURL(out).href);
  assert.deepEqual({ sum: m.sum, seven: m.seven, four: m.twice(2) }, { sum: 14, seven: 7, four: 4 });
  writeFileSync(join(dir, 'bad.js'), "import x from 'left-pad';\n");
  assert.throws(() => bundle(join(dir, 'bad.js')), /bare import/);
  writeFileSync(join(dir, 'c1.js'), "import { y } from './c2.js';\nexport const x = 1;\n");
  writeFileSync(join(dir, 'c2.js'), "import { x } from './c1.js';\nexport const y = 2;\n");
  assert.throws(() => bundle(join(dir, 'c1.js')), /cycle/);
});

test('encoded words the core leaves pending are decoded for the page', async () => {
  const { decodePendingWords } = await import(src('pending-words.js'));
  // The Subject of sisimai's lhost-postfix-29.eml (ISO-2022-JP, RFC 1468),
  // folded over two encoded words, and a From: display name in Big5.
  const report = await analyze('Subject: [TEST] =?ISO-2022-JP?B?GyRCJWYhPCU2ITxFUE8/GyhC?=\n' +
    ' =?ISO-2022-JP?B?GyRCJWYhPCU2ITxFUE8/GyhC?=\nFrom: =?Big5?B?pKSk5Q==?= <li@example.tw>\nTo: a@example.jp\n');
  assert.ok(report.headers[0].pending.length > 0, 'the core leaves ISO-2022-JP to the page');
  decodePendingWords(report);
  assert.equal(report.headers[0].decoded, '[TEST] ユーザー登録ユーザー登録');
  assert.ok(report.headers[0].raw.includes('=?ISO-2022-JP?B?'), 'raw stays as written');
  assert.equal(report.message.subject, '[TEST] ユーザー登録ユーザー登録');
  assert.equal(report.message.from[0].name, '中文');
});

test('ISO-2022-JP runs in report texts are decoded; other text is untouched', async () => {
  const { decodePendingWords } = await import(src('pending-words.js'));
  // "ユーザ" in JIS X 0208 between ESC $ B and ESC ( B, as a Japanese MTA writes it.
  const jis = '550 \x1b$B%f!<%6\x1b(B unknown';
  const report = { bounce: { diagnostic: jis }, headers: [{ raw: jis, value: jis }], verdict: { headline: 'plain €' } };
  decodePendingWords(report);
  assert.equal(report.bounce.diagnostic, '550 ユーザ unknown');
  assert.equal(report.headers[0].raw, jis);
  assert.equal(report.verdict.headline, 'plain €');
  assert.equal(decodePendingWords(null), null);
});
