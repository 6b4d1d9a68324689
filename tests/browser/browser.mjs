// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) and serves build/web on a free localhost port.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { startServer } from '../../tools/serve.mjs';
import { webDir } from '../js/paths.mjs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

export function chromiumPath() {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(`Chromium not found (tried ${CANDIDATES.join(', ')}); run tools/setup`);
  return found;
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

export async function serve() {
  return startServer({ root: webDir, port: 0 });
}
