#!/usr/bin/env node
// Assembles the page in build/web: the files of web/, the analyze() module
// (wasm/mailverdict.mjs and its .d.ts) and the compiled core
// (mailverdict-core.mjs + .wasm). Everything is served from there.
import { cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'web');
const core = join(root, 'build', 'wasm', 'wasm');

for (const file of ['mailverdict-core.mjs', 'mailverdict-core.wasm']) {
  if (!existsSync(join(core, file))) {
    console.error(`bundle: ${join(core, file)} is missing; build the wasm target first (tools/build)`);
    process.exit(1);
  }
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(root, 'web'), out, { recursive: true });
cpSync(join(root, 'wasm', 'mailverdict.mjs'), join(out, 'mailverdict.mjs'));
cpSync(join(root, 'wasm', 'mailverdict.d.ts'), join(out, 'mailverdict.d.ts'));
cpSync(join(core, 'mailverdict-core.mjs'), join(out, 'mailverdict-core.mjs'));
cpSync(join(core, 'mailverdict-core.wasm'), join(out, 'mailverdict-core.wasm'));
console.log(`bundle: page assembled in ${out}`);
