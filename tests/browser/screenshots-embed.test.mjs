// Screenshots of the embed page and of the offline file at 360 px and 1280 px,
// written to build/screenshots for review; neither scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { useBrowser, open, analyzed, clickSample, screenshotDir, offlineUrl } from './browser.mjs';
import { repoRoot } from '../js/paths.mjs';

const env = useBrowser();

const sample = readFileSync(join(repoRoot, 'web', 'samples', 'sendgrid-unaligned.txt'), 'utf8');

for (const width of [360, 1280]) {
  test(`embed page and offline file at ${width} px`, async () => {
    const viewport = { width, height: 800 };
    const embed = await open(env.browser, `${env.server.url}embed.html`, { viewport, colorScheme: 'light' });
    await analyzed(embed.page, () => embed.page.locator('mail-verdict').evaluate((el, v) => { el.value = v; }, sample));
    await embed.page.screenshot({ path: join(screenshotDir(), `embed-${width}.png`), fullPage: true });
    assert.ok(await embed.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'embed scrolls sideways');
    assert.deepEqual(embed.errors, []);
    await embed.close();

    const offline = await open(env.browser, offlineUrl, { viewport, offline: true });
    await clickSample(offline.page, 'microsoft-dmarc-reject');
    await offline.page.screenshot({ path: join(screenshotDir(), `offline-${width}.png`) });
    assert.ok(await offline.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'offline scrolls sideways');
    assert.deepEqual(offline.errors, []);
    await offline.close();
  });
}
