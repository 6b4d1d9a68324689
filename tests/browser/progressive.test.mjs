// The verdict first, the long panels after: <mail-verdict> shows the verdict
// card (verdict, causes, fixes) in the frame right after an analysis and adds
// the panels below it (authentication, route, spam filters, headers, the
// input) in a task of its own after that frame. These tests check the order
// of the two events, that the panels do appear (once), that printing gets
// them at once, and that compact mode has none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open } from './browser.mjs';

const env = useBrowser();

const LOWER = ['auth', 'route', 'antispam', 'headers', 'raw'];

// Sets the element's value from a sample button's text and records what the
// shadow root holds when each event fires (synchronously, in the listeners).
function sampleRun(page, id, { beforePrint = false } = {}) {
  return page.evaluate(([id, beforePrint, lower]) => new Promise((resolve) => {
    const el = document.querySelector('mail-verdict');
    const panels = () => lower.filter((c) => el.shadowRoot.querySelector(`.output > .panel.${c}`));
    const seen = {};
    el.addEventListener('mail-verdict-analyzed', () => {
      seen.analyzed = { verdict: !!el.shadowRoot.querySelector('.output > .verdict'),
        fixes: !!el.shadowRoot.querySelector('.output > .fixes'), panels: panels() };
      if (beforePrint) {
        dispatchEvent(new Event('beforeprint'));
        seen.afterPrint = panels();
      }
    }, { once: true });
    el.addEventListener('mail-verdict-rendered', (e) => {
      seen.rendered = { panels: panels(), sameReport: e.report === el.report,
        counts: lower.map((c) => el.shadowRoot.querySelectorAll(`.panel.${c}`).length) };
      resolve(seen);
    }, { once: true });
    document.querySelector(`[data-sample="${id}"]`).click();
  }), [id, beforePrint, LOWER]);
}

test('the verdict card is in place at mail-verdict-analyzed, the lower panels at mail-verdict-rendered', async () => {
  const { page, errors, requests, close } = await open(env.browser, env.server.url);
  await page.waitForLoadState('networkidle');
  const loaded = requests.length;
  const seen = await sampleRun(page, 'sendgrid-unaligned');
  assert.deepEqual(seen.analyzed, { verdict: true, fixes: true, panels: [] });
  assert.deepEqual(seen.rendered.panels, LOWER);
  assert.equal(seen.rendered.sameReport, true);
  assert.deepEqual(seen.rendered.counts, [1, 1, 1, 1, 1]);
  // Again, with another sample (no spam filter fields): the panels are replaced, not added twice.
  const again = await sampleRun(page, 'forwarded');
  assert.deepEqual(again.analyzed.panels, []);
  assert.deepEqual(again.rendered.counts, [1, 1, 0, 1, 1]);
  // Adding the panels later fetches nothing either.
  assert.deepEqual(requests.slice(loaded), []);
  assert.deepEqual(errors, []);
  await close();
});

test('printing right after an analysis gets the lower panels at once', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  const seen = await sampleRun(page, 'sendgrid-unaligned', { beforePrint: true });
  assert.deepEqual(seen.analyzed.panels, []);
  assert.deepEqual(seen.afterPrint, LOWER);
  assert.deepEqual(seen.rendered.counts, [1, 1, 1, 1, 1]);
  assert.deepEqual(errors, []);
  await close();
});

test('a newer analysis replaces a report whose panels were still to come: one set of panels, for the newer report', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  await page.evaluate(() => new Promise((resolve) => {
    document.querySelector('mail-verdict').addEventListener('mail-verdict-rendered', resolve, { once: true });
    document.querySelector('[data-sample="forwarded"]').click();
  }));
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('mail-verdict');
    const rendered = [];
    el.addEventListener('mail-verdict-rendered', (e) => rendered.push(e.report.verdict.headline));
    let analyzedCount = 0;
    el.addEventListener('mail-verdict-analyzed', () => {
      // The first analysis's event: start the second before its panels come.
      if (++analyzedCount === 1) document.querySelector('[data-sample="clean-pass"]').click();
    });
    document.querySelector('[data-sample="sendgrid-unaligned"]').click();
    setTimeout(() => resolve({
      rendered, headline: el.report.verdict.headline,
      routes: el.shadowRoot.querySelectorAll('.panel.route').length,
      auths: el.shadowRoot.querySelectorAll('.panel.auth').length,
    }), 1500);
  }));
  assert.deepEqual(seen.rendered, [seen.headline]);
  assert.equal(seen.routes, 1);
  assert.equal(seen.auths, 1);
  assert.deepEqual(errors, []);
  await close();
});

test('compact mode: mail-verdict-rendered follows with no lower panels', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  const seen = await page.evaluate((lower) => new Promise((resolve) => {
    const el = document.querySelector('mail-verdict');
    el.setAttribute('compact', '');
    el.addEventListener('mail-verdict-rendered', () => resolve({
      verdict: !!el.shadowRoot.querySelector('.output > .verdict'),
      panels: lower.filter((c) => el.shadowRoot.querySelector(`.panel.${c}`)),
    }), { once: true });
    document.querySelector('[data-sample="sendgrid-unaligned"]').click();
  }), LOWER);
  assert.deepEqual(seen, { verdict: true, panels: [] });
  assert.deepEqual(errors, []);
  await close();
});

test('in a hidden tab, where no frame is drawn, the lower panels still come', async () => {
  const { page, errors, close } = await open(env.browser, env.server.url);
  const seen = await page.evaluate((lower) => new Promise((resolve) => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    const el = document.querySelector('mail-verdict');
    el.addEventListener('mail-verdict-rendered', () => resolve(lower.filter((c) => el.shadowRoot.querySelector(`.panel.${c}`))),
      { once: true });
    document.querySelector('[data-sample="sendgrid-unaligned"]').click();
  }), LOWER);
  assert.deepEqual(seen, LOWER);
  assert.deepEqual(errors, []);
  await close();
});
