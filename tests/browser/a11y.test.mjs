// Accessibility: axe-core (from npm, run inside Chromium) finds no violation
// on the page with a result shown and every panel open, in light and dark;
// the same for the embed page and the offline file. Keyboard: everything is
// reachable and operable without a mouse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useBrowser, open, clickSample, analyzed, offlineUrl } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const env = useBrowser();

async function openEverything(page, selector = 'mail-verdict') {
  await page.locator(`${selector} details`).evaluateAll((all) => { for (const d of all) d.open = true; });
}

async function axe(page) {
  // The page's CSP rightly blocks injected script; the axe contexts bypass it.
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
}

for (const colorScheme of ['light', 'dark']) {
  for (const sample of ['sendgrid-unaligned', 'microsoft-dmarc-reject', 'clean-pass']) {
    test(`axe: the page with the ${sample} result, ${colorScheme}`, async () => {
      const { page, errors, close } = await open(env.browser, env.server.url, { colorScheme, bypassCSP: true });
      await clickSample(page, sample);
      await openEverything(page);
      assert.equal(await page.locator('html').getAttribute('data-theme'), colorScheme);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await close();
    });
  }
}

test('axe: the embed page, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, errors, close } = await open(env.browser, `${env.server.url}embed.html`, { colorScheme, bypassCSP: true });
    await analyzed(page, () => page.locator('mail-verdict').evaluate((el) => {
      el.value = 'From: a@northwind-traders.com\nAuthentication-Results: spf=pass smtp.mailfrom=bounces.sendgrid.net;' +
        ' dkim=pass header.d=sendgrid.net; dmarc=fail action=oreject header.from=northwind-traders.com\n';
    }));
    await openEverything(page);
    assert.deepEqual(await axe(page), [], colorScheme);
    assert.deepEqual(errors, []);
    await close();
  }
});

test('axe: the offline file', async () => {
  const { page, errors, close } = await open(env.browser, offlineUrl, { bypassCSP: true, offline: true });
  await clickSample(page, 'sendgrid-unaligned');
  await openEverything(page);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await close();
});

test('keyboard only: pick a sample, open the records, reach the fixes and copy a value', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const focused = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.dataset?.sample ? `[${el.dataset.sample}]` : ''}${el.className ? `.${el.className}` : ''}` : '';
  });
  const tabTo = async (want, max = 60) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if ((await focused()).includes(want)) return;
    }
    throw new Error(`Tab never reached ${want} (last: ${await focused()})`);
  };
  await tabTo('[sendgrid-unaligned]');
  const report = await analyzed(page, () => page.keyboard.press('Enter'));
  assert.equal(report.verdict.status, 'problem');
  await tabTo('textarea');
  await tabTo('summary');
  await page.keyboard.press('Enter');
  await tabTo('input.record');
  await tabTo('button.copy');
  await page.keyboard.press('Enter');
  await page.locator('mail-verdict .status', { hasText: 'Copied' }).waitFor();
  // Focus is visible: the focused control has an outline.
  const outline = await page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const s = getComputedStyle(el);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
  assert.match(outline, /^solid 3px$/);
  assert.deepEqual(errors, []);
  await close();
});
