// Runs every fixture case through the WebAssembly build (build/web) and
// checks it against expected.json, exactly as the C++ suite does natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { match } from './match.mjs';
import { fixturesDir, webDir } from './paths.mjs';

const { analyze } = await import(pathToFileURL(join(webDir, 'mailverdict.mjs')).href);

const cases = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(fixturesDir, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort();

test('there are fixture cases to run', () => {
  assert.ok(cases.length >= 5, `only ${cases.length} cases in ${fixturesDir}`);
});

// The page receives text, so binary input goes through as Latin-1 characters
// (each byte one code unit), which keeps NUL and control bytes visible to the core.
function readInput(dir) {
  const name = readdirSync(dir).find((f) => f.startsWith('input.'));
  assert.ok(name, `${dir} has no input.* file`);
  const bytes = readFileSync(join(dir, name));
  return name.endsWith('.bin') ? bytes.toString('latin1') : bytes.toString('utf8');
}

for (const name of cases) {
  test(`fixture ${name}`, async () => {
    const dir = join(fixturesDir, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    const optionsFile = join(dir, 'options.json');
    const o = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
    const report = await analyze(readInput(dir), { dmarcRecord: o.dmarc_record, spfRecord: o.spf_record });
    assert.equal(report.schema, 1);
    // Byte counts differ between raw bytes and the UTF-8 of decoded text;
    // everything else must agree with the native build.
    const { input: { bytes, ...inputRest } = {}, ...rest } = expected;
    const why = match({ ...rest, ...(expected.input ? { input: inputRest } : {}) }, report);
    assert.equal(why, '', `${name}: ${why}\n${JSON.stringify(report, null, 2)}`);
  });
}
