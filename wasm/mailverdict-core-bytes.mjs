// The core's .wasm bytes, unpacked from the JavaScript module that carries
// them (mailverdict-core-wasm.js, written by tools/bundle.mjs): LZMA in base64,
// decoded by a small decoder module of its own (wasm/lzma_decode.cpp), which
// is also carried in base64. Nothing is fetched.
import { coreSize, coreLzma, lzmaDecoder } from './mailverdict-core-wasm.js';

function fromBase64(text) {
  // Native where there is one (Chromium 140+, Firefox 133+): 2 to 3 times
  // faster than the loop below on the core's 240 KB.
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The core's .wasm bytes (a Uint8Array of its own), unpacked at once. The
 * decoder module is 6 KB, small enough for synchronous compilation anywhere
 * (browsers refuse it on the main thread only for large modules), so the
 * whole unpacking is one stretch of work with no wait in between.
 */
export function coreWasmBytesSync() {
  const decoder = new WebAssembly.Instance(new WebAssembly.Module(fromBase64(lzmaDecoder)));
  const { memory, lzma_work_size: workSize, lzma_decode: decode } = decoder.exports;
  const packed = fromBase64(coreLzma);
  // The decoder has no heap: its buffers go past its initial memory.
  const input = memory.buffer.byteLength;
  const output = input + packed.length;
  const work = (output + coreSize + 15) & ~15;
  memory.grow(Math.ceil((work + workSize(packed[0]) - input) / 65536));
  new Uint8Array(memory.buffer).set(packed, input);
  if (decode(input, packed.length, output, coreSize, work) !== coreSize) {
    throw new Error('mailverdict: the embedded WebAssembly core is damaged');
  }
  return new Uint8Array(memory.buffer, output, coreSize).slice();
}
