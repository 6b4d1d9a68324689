// A browser too old for the core: the core uses WebAssembly SIMD and bulk
// memory, and a browser without them cannot compile it. The page must say so
// plainly and point to a newer browser, not report an opcode and suggest a
// reload that cannot help. The old browser is simulated by making Chromium's
// WebAssembly compilation refuse the core (and only the core: the small LZMA
// decoder that unpacks it still compiles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, paste } from './browser.mjs';

const env = useBrowser();

test('a browser that cannot compile the core gets a clear message, not a crash', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript(() => {
    const refuse = (bytes) => {
      if ((bytes.byteLength ?? bytes.length) > 100000) {
        throw new WebAssembly.CompileError('WebAssembly.Module(): invalid simd opcode (simulated old browser)');
      }
    };
    const RealModule = WebAssembly.Module;
    WebAssembly.Module = function Module(bytes) {
      refuse(bytes);
      return new RealModule(bytes);
    };
    WebAssembly.Module.prototype = RealModule.prototype;
    const realCompile = WebAssembly.compile;
    WebAssembly.compile = async (bytes) => {
      refuse(bytes);
      return realCompile(bytes);
    };
  });
  try {
    await page.goto(env.server.url);
    await page.waitForFunction(() => customElements.get('mail-verdict') !== undefined);
    await paste(page, 'From: a@example.com\nSubject: hello\n');
    const status = page.locator('mail-verdict').locator('[part~="status"]');
    await status.filter({ hasText: 'failed' }).waitFor({ timeout: 15000 });
    const text = await status.textContent();
    assert.match(text, /cannot run the analyzer/);
    assert.match(text, /SIMD/);
    assert.match(text, /newer browser/);
    assert.doesNotMatch(text, /Reload/);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
