// The analyze() module under Node: loading, versions, and inputs that must
// never crash or hang the WebAssembly core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { webDir, repoRoot } from './paths.mjs';

const mod = await import(pathToFileURL(join(webDir, 'mailverdict.mjs')).href);
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

test('version matches package.json', async () => {
  assert.equal(await mod.version(), pkg.version);
});

test('empty input is reported as empty', async () => {
  for (const text of ['', '   ', '\n\n\t\n', undefined, null]) {
    const r = await mod.analyze(text);
    assert.equal(r.input.kind, 'empty');
    assert.equal(r.verdict.status, 'unknown');
  }
});

test('binary garbage is not_email', async () => {
  let text = '';
  for (let i = 0; i < 4096; i++) text += String.fromCharCode((i * 7919) % 256);
  const r = await mod.analyze(text);
  assert.equal(r.input.kind, 'not_email');
});

test('a 5 MB single line gives a clear verdict', async () => {
  const r = await mod.analyze('x'.repeat(5 * 1024 * 1024));
  assert.equal(r.input.kind, 'not_email');
  assert.match(r.verdict.headline, /No email headers/);
});

test('a 5 MB header value is analyzed', async () => {
  const r = await mod.analyze(`Subject: ${'y'.repeat(5 * 1024 * 1024)}\nFrom: a@example.com\n`);
  assert.equal(r.input.kind, 'headers');
  assert.equal(r.headers.length, 2);
});

test('lone surrogates and invalid text still give valid JSON', async () => {
  const r = await mod.analyze('From: \uD800 <a@example.com>\nSubject: \uDFFF\u0000\n');
  assert.equal(r.schema, 1);
});

// The text reaches the core's memory in one of two ways (mailverdict.mjs):
// encoded in place when it is all ASCII, encoded and copied otherwise. Both
// must carry the three strings whole and in their places.
for (const [kind, name] of [['ASCII', 'Reunion'], ['non-ASCII', 'R\u00e9union \u4f1a\u8b70 \ud83d\udcc5']]) {
  test(`${kind} text and the pasted records arrive whole`, async () => {
    const text = `From: ${name} <a@example.com>\nSubject: ${name}\n` +
      'Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.com;\n' +
      ' dmarc=pass header.from=example.com\n';
    const core = await mod.load();
    const r = JSON.parse(core.analyzeWith(text, 'v=DMARC1; p=quarantine', 'v=spf1 -all'));
    const subject = r.headers.find((h) => h.name === 'Subject');
    assert.equal(subject.value, name);
    assert.equal(r.headers.length, 3);
    assert.equal(r.authentication.dmarc.policy, 'quarantine');
    assert.equal(r.authentication.dmarc.policy_source, 'record');
    // The same text with a non-ASCII record: the record is read whole too.
    const r2 = JSON.parse(core.analyzeWith(text, 'v=DMARC1; p=reject; rua=mailto:d\u00e9@example.com', ''));
    assert.equal(r2.authentication.dmarc.policy, 'reject');
    assert.equal(r2.headers.find((h) => h.name === 'Subject').value, name);
  });
}

test('the SendGrid example names the unaligned domain', async () => {
  const r = await mod.analyze(
    'From: Northwind Traders <orders@northwind-traders.com>\n' +
    'Authentication-Results: spf=pass (sender IP is 167.89.12.4) smtp.mailfrom=bounces.sendgrid.net;\n' +
    ' dkim=pass (signature was verified) header.d=sendgrid.net;dmarc=fail action=oreject\n' +
    ' header.from=northwind-traders.com;compauth=fail reason=000\n');
  assert.equal(r.verdict.status, 'problem');
  assert.match(r.verdict.headline, /sendgrid\.net/);
  assert.match(r.verdict.headline, /northwind-traders\.com/);
  assert.equal(r.causes[0].id, 'unaligned_pass');
  assert.match(r.fixes[0].title, /DKIM/);
});

test('analyzeToText gives the plain-text report', async () => {
  const text = await mod.analyzeToText('From: a@example.com\n');
  assert.match(text, /^(OK|PROBLEM|WARNING|UNKNOWN): /);
});

test('a host that cannot compile the core is told what it lacks', async () => {
  // A fresh copy of the module (its own load state), given bytes no engine compiles.
  const fresh = await import(pathToFileURL(join(webDir, 'mailverdict.mjs')).href + '?cannot-compile');
  const bytes = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x0a, 0x7f]);
  await assert.rejects(fresh.load({ wasmBinary: bytes }), (e) =>
    e.unsupported === true && /SIMD/.test(e.message) && e.cause instanceof WebAssembly.CompileError);
  // The shared module still works: the failure stayed in its own copy.
  assert.equal((await mod.analyze('')).schema, 1);
});
