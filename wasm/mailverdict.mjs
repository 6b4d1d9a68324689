// mailverdict: the JavaScript face of the WebAssembly core.
//
//   import { analyze } from './mailverdict.mjs';
//   const report = await analyze(text, { dmarcRecord, spfRecord });
//
// The same module runs in browsers and in Node. The wasm bytes come from a
// JavaScript module (mailverdict-core-wasm.js, written by tools/bundle.mjs),
// LZMA-compressed (see mailverdict-core-bytes.mjs), so nothing is ever
// fetched: a page with `connect-src 'none'` can use it, and so can a file://
// page, and Node needs no file access.
//
// The core exports a plain C ABI (wasm/bindings.cpp): text goes in as UTF-8
// copied into its memory, the report comes back as UTF-8 read in place.
import { coreWasmBytesSync } from './mailverdict-core-bytes.mjs';

const encoder = new TextEncoder();
// Invalid UTF-8 (which the core never writes) would become U+FFFD.
const decoder = new TextDecoder();

let corePromise = null;
let ready = null;  // the loaded core, once corePromise has resolved

// The few functions the C library asks of its host (-sSTANDALONE_WASM).
function hostImports() {
  return {
    env: { emscripten_notify_memory_growth() {} },
    wasi_snapshot_preview1: {
      proc_exit(code) { throw new WebAssembly.RuntimeError(`mailverdict: the core stopped (exit ${code})`); },
    },
  };
}

let compiled = null;  // the WebAssembly.Module, kept to start afresh after a trap
let synchronous = true;  // whether the host compiles and instantiates it synchronously

// Synchronous compilation, where the host allows it for a module this size:
// the whole load is then one stretch of main-thread work (unpack, compile,
// instantiate) that ends before the browser renders again, so a page opened
// with text in it shows its first verdict in its first frame. Browsers may
// refuse synchronous compilation of large modules on the main thread
// (RangeError); then it is compiled asynchronously.
function compileNow(bytes) {
  try {
    return new WebAssembly.Module(bytes);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw unsupported(error);
  }
}

// A host that cannot compile the core is older than the WebAssembly features
// it uses (SIMD128 and bulk memory, see wasm/CMakeLists.txt): say so, rather
// than pass on the engine's words about an opcode. `unsupported: true` tells
// the page that trying again will not help.
function unsupported(error) {
  if (!(error instanceof WebAssembly.CompileError)) return error;
  return Object.assign(new Error('this browser cannot run the analyzer, which needs WebAssembly with SIMD ' +
    '(Chrome or Edge 91, Firefox 89, Safari 16.4 or later)', { cause: error }), { unsupported: true });
}

function mark(name) {
  globalThis.performance?.mark?.(name);
}

/** The core instantiated, as the calls this module makes: strings in and out. */
async function instantiate(wasmBinary) {
  if (!compiled) {
    const bytes = wasmBinary ? await wasmBinary : coreWasmBytesSync();
    mark('mail-verdict-core-unpacked');
    compiled = compileNow(bytes);
    if (!compiled) {
      synchronous = false;
      compiled = await WebAssembly.compile(bytes).catch((error) => { throw unsupported(error); });
    }
    mark('mail-verdict-core-compiled');
  }
  const instance = synchronous ? new WebAssembly.Instance(compiled, hostImports())
    : await WebAssembly.instantiate(compiled, hostImports());
  const wasm = instance.exports;
  wasm._initialize();  // the C++ static constructors
  let broken = false;
  const run = (text, dmarcRecord, spfRecord, asText) => {
    if (broken) throw new Error('mailverdict: the core stopped on an earlier input; load it again');
    const strings = [text, dmarcRecord, spfRecord];
    // The UTF-8 goes straight into the core's memory (encodeInto) when one
    // byte per UTF-16 unit is room enough (all ASCII, the usual case);
    // otherwise each string is encoded first and copied in at its exact size.
    const units = strings.reduce((n, s) => n + s.length, 0);
    let at = wasm.mv_alloc(units);
    let heap = new Uint8Array(wasm.memory.buffer, at, units);  // after the allocation: it may grow the memory
    let offset = 0;
    let lengths = strings.map((s) => {
      const { read, written } = encoder.encodeInto(s, heap.subarray(offset));
      offset += written;
      return read === s.length ? written : -1;
    });
    if (lengths.includes(-1)) {
      wasm.mv_free(at);
      const bytes = strings.map((s) => encoder.encode(s));
      lengths = bytes.map((b) => b.length);
      at = wasm.mv_alloc(lengths.reduce((n, k) => n + k, 0));
      heap = new Uint8Array(wasm.memory.buffer);
      offset = at;
      for (const b of bytes) {
        heap.set(b, offset);
        offset += b.length;
      }
    }
    try {
      const result = wasm.mv_analyze(at, lengths[0], at + lengths[0], lengths[1],
        at + lengths[0] + lengths[1], lengths[2], asText ? 1 : 0);
      // The memory may have grown during the call: view it afresh.
      return decoder.decode(new Uint8Array(wasm.memory.buffer, result, wasm.mv_result_size()));
    } catch (error) {
      broken = true;  // a trap leaves the core's memory in an unknown state
      corePromise = null;
      ready = null;
      throw error;
    } finally {
      if (!broken) wasm.mv_free(at);
    }
  };
  const cString = (address) => {
    const heap = new Uint8Array(wasm.memory.buffer);
    return decoder.decode(heap.subarray(address, heap.indexOf(0, address)));
  };
  return {
    analyzeWith: (text, dmarcRecord, spfRecord) => run(text, dmarcRecord, spfRecord, false),
    analyze: (text) => run(text, '', '', false),
    toText: (text) => run(text, '', '', true),
    version: () => cString(wasm.mv_version()),
    get wasmMemory() { return wasm.memory; },
  };
}

/** Loads the core once; later calls share it. `options.wasmBinary`: the .wasm bytes to use instead. */
export function load(options = {}) {
  if (!corePromise) {
    corePromise = instantiate(options.wasmBinary);
    corePromise.then((core) => { ready = core; }, () => { corePromise = null; });
  }
  return corePromise;
}

/** Analyzes pasted headers, a message or a bounce; resolves to the report object (schema 1). */
export async function analyze(text, options) {
  const core = ready ?? await load();
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
