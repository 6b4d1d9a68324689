// mailverdict: the JavaScript face of the WebAssembly core.
//
//   import { analyze } from './mailverdict.mjs';
//   const report = await analyze(text, { dmarcRecord, spfRecord });
//
// Works in browsers (the .wasm is fetched next to this file) and in Node
// (the .wasm is read from disk and handed over as wasmBinary, because the
// emcc 3.1.6 loader cannot fetch() a file path under Node 18+).
import createMailVerdictCore from './mailverdict-core.mjs';

let corePromise = null;

function isNode() {
  return typeof process !== 'undefined' && process.versions != null && process.versions.node != null &&
    typeof window === 'undefined';
}

async function instantiate(options = {}) {
  const settings = { ...options };
  if (isNode() && !settings.wasmBinary) {
    const { readFile } = await import('node:fs/promises');
    settings.wasmBinary = await readFile(new URL('./mailverdict-core.wasm', import.meta.url));
  }
  return createMailVerdictCore(settings);
}

/** Loads the core once; later calls share it. */
export function load(options) {
  if (!corePromise) corePromise = instantiate(options);
  return corePromise;
}

function optionsJson(options) {
  return JSON.stringify({
    dmarc_record: options?.dmarcRecord ?? '',
    spf_record: options?.spfRecord ?? '',
  });
}

/** Analyzes pasted headers, a message or a bounce; resolves to the report object (schema 1). */
export async function analyze(text, options) {
  const core = await load();
  return JSON.parse(core.analyzeWith(String(text ?? ''), optionsJson(options)));
}

/** The same report as plain text. */
export async function analyzeToText(text) {
  const core = await load();
  return core.toText(String(text ?? ''));
}

/** The core's version string. */
export async function version() {
  const core = await load();
  return core.version();
}
