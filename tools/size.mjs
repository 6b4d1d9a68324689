#!/usr/bin/env node
// Prints what the page weighs: each file it loads (HTML + CSS + JS, the wasm
// travelling inside page.js) raw and gzipped, the total, the offline single
// file and the embeddable widget. `npm run bench:size`; `--json` for machines.
// The budget: the page at most 250 KB gzipped (tests/js/size.test.mjs).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PAGE_FILES = ['index.html', 'page.css', 'page.js'];
export const PAGE_BUDGET_GZIP = 250 * 1024;

function measure(dir, file) {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Sizes of the web build in `dir` (build/web by default). */
export function pageSizes(dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'web')) {
  for (const f of [...PAGE_FILES, 'mailverdict-offline.html', 'mail-verdict.js']) {
    if (!existsSync(join(dir, f))) throw new Error(`${join(dir, f)} is missing: run npm run build`);
  }
  const page = PAGE_FILES.map((f) => measure(dir, f));
  const total = page.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const wasm = existsSync(join(dir, 'mailverdict-core-wasm.js')) ? measure(dir, 'mailverdict-core-wasm.js') : null;
  return {
    page, total, budget: PAGE_BUDGET_GZIP, within: total.gzip <= PAGE_BUDGET_GZIP,
    wasm, offline: measure(dir, 'mailverdict-offline.html'), widget: measure(dir, 'mail-verdict.js'),
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const s = pageSizes(process.argv.find((a) => !a.startsWith('-') && a !== process.argv[0] && a !== process.argv[1]));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(s, null, 2));
  } else {
    const row = (name, r) => console.log(`  ${name.padEnd(34)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)}`);
    console.log(`  ${'file'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)}`);
    for (const f of s.page) row(f.file, f);
    row('page total (HTML+CSS+JS+wasm)', s.total);
    if (s.wasm) row('  of which the wasm (as JS text)', s.wasm);
    row('mailverdict-offline.html', s.offline);
    row('mail-verdict.js (widget)', s.widget);
    console.log(`  budget: page at most ${kb(s.budget)} gzipped: ${s.within ? 'within' : 'OVER'}`);
  }
  process.exitCode = s.within ? 0 : 1;
}
