// mailverdict: the JavaScript face of the WebAssembly core.
//
//   import { analyze } from './mailverdict.mjs';
//   const report = await analyze(text, { dmarcRecord, spfRecord });
//
// The same module runs in browsers and in Node. The wasm bytes come from a
// JavaScript module (mailverdict-core-wasm.js, written by tools/bundle.mjs),
// LZMA-compressed (see mailverdict-core-bytes.mjs), and are handed to the
// Emscripten loader as `wasmBinary`, so nothing is ever fetched: a page with
// `connect-src 'none'` can use it, and so can a file:// page, and Node needs
// no file access.
import createMailVerdictCore from './mailverdict-core.mjs';
import { coreWasmBytes } from './mailverdict-core-bytes.mjs';

let corePromise = null;

/** Loads the core once; later calls share it. */
export function load(options = {}) {
  if (!corePromise) {
    corePromise = (options.wasmBinary ? Promise.resolve(options.wasmBinary) : coreWasmBytes())
      .then((wasmBinary) => createMailVerdictCore({ ...options, wasmBinary }));
  }
  return corePromise;
}

/** Analyzes pasted headers, a message or a bounce; resolves to the report object (schema 1). */
export async function analyze(text, options) {
  const core = await load();
  return JSON.parse(core.analyzeWith(String(text ?? ''), String(options?.dmarcRecord ?? ''),
    String(options?.spfRecord ?? '')));
}

/** The same report as plain text (the core's own rendering). */
export async function analyzeToText(text) {
  const core = await load();
  return core.toText(String(text ?? ''));
}

/** The core's version string. */
export async function version() {
  const core = await load();
  return core.version();
}
