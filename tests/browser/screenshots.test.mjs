// Screenshots of every sample at 360 px and 1280 px (light, and dark at
// 1280), written to build/screenshots for review. Each must show the verdict
// above the fold: the whole headline inside the first screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, open, clickSample, screenshotDir, SAMPLES } from './browser.mjs';

const env = useBrowser();

const SIZES = [
  { width: 360, height: 740, colorScheme: 'light' },
  { width: 1280, height: 800, colorScheme: 'light' },
  { width: 1280, height: 800, colorScheme: 'dark' },
  { width: 360, height: 740, colorScheme: 'dark' },
];

for (const size of SIZES) {
  test(`screenshots at ${size.width} px, ${size.colorScheme}: the verdict is above the fold`, async () => {
    const { page, errors, close } = await open(env.browser, env.server.url,
      { viewport: { width: size.width, height: size.height }, colorScheme: size.colorScheme });
    const dir = screenshotDir();
    for (const id of SAMPLES) {
      await clickSample(page, id);
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await page.locator('mail-verdict .verdict').boundingBox();
      const headline = await page.locator('mail-verdict .verdict-headline').boundingBox();
      await page.screenshot({ path: join(dir, `${id}-${size.width}-${size.colorScheme}.png`) });
      assert.ok(headline.y + headline.height <= size.height, `${id}: headline ends at ${headline.y + headline.height}px`);
      assert.ok(box.y >= 0 && box.x >= 0 && box.x + box.width <= size.width + 0.5, `${id}: verdict card at ${JSON.stringify(box)}`);
      // Nothing is wider than the screen.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${id}: horizontal scroll`);
    }
    assert.deepEqual(errors, []);
    await close();
  });
}
