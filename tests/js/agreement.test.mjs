// The WebAssembly module and the native CLI are built from the same core
// with different compilers, C++ libraries and allocators (the module's own
// small-block allocator, wasm/small_alloc.cpp): on the same text and records
// their reports must be the same. One module instance analyzes every input
// twice, the second time in the opposite order, so that each analysis runs on
// memory that earlier ones allocated and freed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliPath, fixturesDir, webDir } from './paths.mjs';

const { load } = await import(pathToFileURL(join(webDir, 'mailverdict.mjs')).href);
const core = await load();

function native(text, dmarc, spf) {
  const args = ['--json'];
  if (dmarc) args.push('--dmarc-record', dmarc);
  if (spf) args.push('--spf-record', spf);
  const r = spawnSync(cliPath, args, { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `${cliPath} failed: ${r.error ?? r.stderr}`);
  return JSON.parse(r.stdout);
}

// The fixtures whose input is text (a .bin input reaches the page as Latin-1
// characters, the CLI as bytes: not the same input).
const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    const dir = join(fixturesDir, d.name);
    const input = readdirSync(dir).find((f) => f.startsWith('input.') && !f.endsWith('.bin'));
    if (!input) return [];
    const optionsFile = join(dir, 'options.json');
    const o = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
    return [{ name: d.name, text: readFileSync(join(dir, input), 'utf8'), dmarc: o.dmarc_record ?? '', spf: o.spf_record ?? '' }];
  });

// Field values of every length from 0 to 300 bytes, so that blocks of every
// size class of the allocator (and the larger ones past it) are made and freed.
let grown = 'Received: from a.example.net (a.example.net [192.0.2.1]) by mx.example.com; Fri, 27 Nov 2026 08:12:01 +0000\n' +
  'Authentication-Results: mx.example.com; spf=pass smtp.mailfrom=example.net; dkim=pass header.d=example.net; dmarc=fail header.from=example.org\n' +
  'From: <a@example.org>\n';
for (let n = 0; n <= 300; n++) grown += `X-Len-${n}: ${'abcdefghij'.repeat(31).slice(0, n)}\n`;
cases.push({ name: 'fields of every length', text: grown, dmarc: '', spf: '' });

test('the module and the CLI agree on every text fixture, analyzed twice in one instance', () => {
  assert.ok(cases.length >= 50, `only ${cases.length} cases`);
  const expected = cases.map((c) => native(c.text, c.dmarc, c.spf));
  const order = [...cases.keys(), ...[...cases.keys()].reverse()];
  for (const i of order) {
    const c = cases[i];
    const report = JSON.parse(core.analyzeWith(c.text, c.dmarc, c.spf));
    assert.deepEqual(report, expected[i], c.name);
  }
});
