// The page's weight: at most 250 KB gzipped in total (HTML + CSS + JS + wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageSizes } from '../../tools/size.mjs';
import { webDir } from './paths.mjs';

test('the page is at most 250 KB gzipped, and the offline file is one file of about the same', () => {
  const s = pageSizes(webDir);
  assert.ok(s.total.gzip <= 250 * 1024, `page: ${s.total.gzip} bytes gzipped`);
  assert.ok(s.offline.gzip <= s.total.gzip + 8 * 1024, `offline: ${s.offline.gzip} vs page ${s.total.gzip}`);
  // page.js carries the wasm: it cannot be tiny.
  assert.ok(s.page.find((f) => f.file === 'page.js').raw > 100 * 1024);
});
