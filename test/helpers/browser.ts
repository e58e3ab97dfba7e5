import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { stopBeforeRemoval, tempDir } from './tmp.js';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). Never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A headless Chromium with a fresh profile, closed and removed when the test file ends. `extraArgs`
 * adds command-line switches (`--host-resolver-rules=MAP name 127.0.0.1`: a name that resolves to
 * this machine, as a rebound DNS name would).
 */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium).`);
  const context = await chromium.launchPersistentContext(tempDir('archal-chromium-'), {
    executablePath: CHROMIUM,
    args: [...ARGS, ...extraArgs],
    headless: true,
    viewport: { width: 1180, height: 760 },
  });
  // Chromium writes in its profile until it has exited: close() waits for that.
  stopBeforeRemoval(() => context.close());
  return context;
}
