import { type Browser, chromium } from 'playwright-core';
import { isAlive } from './is-alive.ts';

// Debian's chromium, never a browser downloaded by playwright.
const CHROMIUM = '/usr/bin/chromium';

/** A headless Chromium and the way to stop it for sure. */
export interface LaunchedChromium {
  browser: Browser;
  /** Closes the browser, then SIGKILLs its process by PID if it is still there; resolves with whether it is gone. */
  close(): Promise<boolean>;
}

/** Starts Debian's Chromium headless through playwright-core. */
export async function launchChromium(): Promise<LaunchedChromium> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    async close() {
      const pid = server.process().pid;
      await browser.close();
      await server.close();
      if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGKILL');
      return pid !== undefined && !isAlive(pid);
    },
  };
}
