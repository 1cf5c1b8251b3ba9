// A real Stakemap server (npx tsx server/main.ts, serving the build) on its own
// port for a spec's live rooms, and people as separate browser contexts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';

export const LIVE_PORT = Number(process.env.E2E_LIVE_PORT ?? 5191);
export const LIVE_BASE = `http://127.0.0.1:${LIVE_PORT}/`;

export interface LiveServer {
  /** Stops the server but keeps its rooms (a restart: then `resume`). */
  halt(): Promise<void>;
  resume(): Promise<void>;
  /** Stops it for good and removes its data. */
  stop(): Promise<void>;
}

export async function startLiveServer(): Promise<LiveServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stakemap-e2e-live-'));
  let child: ChildProcess | null = null;
  const resume = async () => {
    child = spawn('npx', ['tsx', 'server/main.ts', '--port', String(LIVE_PORT), '--db', join(dataDir, 'rooms.sqlite'), '--quiet'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    await expect.poll(async () => (await fetch(`${LIVE_BASE}healthz`).catch(() => null))?.ok ?? false, { timeout: 30_000 }).toBe(true);
  };
  const halt = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    // The whole process group: npx, tsx and the server under them.
    process.kill(-running.pid!, 'SIGTERM');
    await gone;
    await expect.poll(async () => (await fetch(`${LIVE_BASE}healthz`).catch(() => null)) === null).toBe(true);
  };
  await resume();
  return {
    halt,
    resume,
    async stop() {
      await halt();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function person(browser: Browser, name: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript((n) => localStorage.setItem('stakemap.displayName', n), name);
  return page;
}

/** The facilitator opens the Brightfoods example and shares it; returns the join link. */
export async function shareExample(a: Page, title: RegExp = /Brightfoods/): Promise<string> {
  await a.goto(LIVE_BASE);
  await a.getByRole('button', { name: title }).first().click();
  await expect(a.locator('.react-flow__node-organization')).toBeVisible();
  await a.getByRole('button', { name: 'Share live' }).click();
  await a.getByRole('button', { name: 'Start the live room' }).click();
  await a.waitForURL(/#\/live\/[A-Za-z0-9_-]{22}$/);
  await a.getByRole('button', { name: 'Live', exact: true }).click();
  const link = await a.getByTestId('join-link').inputValue();
  await a.keyboard.press('Escape');
  return link;
}

export async function joinRoom(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(page.locator('.react-flow__node-organization')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('live-bar')).toHaveAttribute('data-status', 'online');
}
