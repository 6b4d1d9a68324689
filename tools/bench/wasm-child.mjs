#!/usr/bin/env node
// Runs inside a fresh Node process for tools/bench/run.mjs:
//
//   node wasm-child.mjs rounds LISTFILE       one round of every listed file per line on
//                                             stdin; prints each round's µs
//   node wasm-child.mjs memory INPUTFILE      analyze one input; prints the linear memory
//                                             size after it (memory only grows: the peak)
//
// Uses the built page's module (build/web/mailverdict.mjs) and calls the core's
// analyzeWith() directly (JSON string out), the same work as the native
// analyze + to_json.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const webDir = process.env.MAILVERDICT_WEB ?? join(root, 'build', 'web');
const { load } = await import(pathToFileURL(join(webDir, 'mailverdict.mjs')).href);
const core = await load();
const [mode, arg] = process.argv.slice(2);

function memoryBytes() {
  const buf = core.HEAPU8?.buffer ?? core.HEAP8?.buffer ?? core.wasmMemory?.buffer ?? core.asm?.memory?.buffer;
  return buf ? buf.byteLength : null;
}

if (mode === 'rounds') {
  // One round (every listed file once) per line on stdin; prints the round's µs.
  const texts = readFileSync(arg, 'utf8').split('\n').filter(Boolean).map((f) => readFileSync(f, 'utf8'));
  for (let k = 0; k < 3; k++) for (const t of texts) core.analyzeWith(t, '', '');  // warm-up
  for await (const _ of createInterface({ input: process.stdin })) {
    const t0 = performance.now();
    for (const t of texts) core.analyzeWith(t, '', '');
    process.stdout.write(`${((performance.now() - t0) * 1000).toFixed(1)}\n`);
  }
} else if (mode === 'memory') {
  const text = readFileSync(arg, 'utf8');
  const before = memoryBytes();
  const t0 = performance.now();
  const json = core.analyzeWith(text, '', '');
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ inputBytes: text.length, before, after: memoryBytes(), ms, outputBytes: json.length }));
} else {
  console.error('usage: wasm-child.mjs rounds LISTFILE | memory INPUTFILE');
  process.exit(2);
}
