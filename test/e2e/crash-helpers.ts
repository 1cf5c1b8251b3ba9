// A real browser crash: Debian's Chromium started by hand on a persistent
// profile (flags as in playwright.config.ts), driven over CDP, and killed
// with SIGKILL, so nothing of the page or the browser gets to run on the way
// out: no pagehide, no flush, no shutdown of storage.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import config from '../../playwright.config';

// The end-to-end tests' own flags (one list, in playwright.config.ts), and their window size.
const FLAGS = [...(config.use?.launchOptions?.args ?? []), '--window-size=1440,900'];

export interface RunningBrowser {
  process: ChildProcess;
  browser: Browser;
  page: Page;
}

export function newProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'stakemap-crash-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts Chromium on `profile` and opens one page. */
export async function launch(profile: string): Promise<RunningBrowser> {
  // Its own process group, so the kill takes the renderers too, as a crash of the machine's browser would.
  const child = spawn('/usr/bin/chromium', [...FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}): ${text}`));
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1440, height: 900 });
  return { process: child, browser, page };
}

/** SIGKILL of the browser and everything it started; resolves once it is gone. */
export async function kill(running: RunningBrowser): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (running.process.exitCode !== null || running.process.signalCode !== null) resolve();
    else running.process.once('exit', () => resolve());
  });
  process.kill(-running.process.pid!, 'SIGKILL');
  await exited;
}

/** A clean end, for after the checks. */
export async function close(running: RunningBrowser): Promise<void> {
  await running.browser.close().catch(() => undefined);
  try {
    process.kill(-running.process.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** The stored maps, read straight from IndexedDB (the app's own database). */
export function storedMaps(page: Page): Promise<{ id: string; map: { stakeholders: { name: string; label: string; position?: { x: number; y: number } }[]; relations: unknown[] } }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('stakemap');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const request = open.result.transaction('maps').objectStore('maps').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
      }),
  );
}
