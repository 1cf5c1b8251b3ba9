// Real servers and real Hocuspocus providers on 127.0.0.1 for the server tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DEFAULTS, type LiveConfig } from '../../server/config';
import { createLiveServer, type LiveServer } from '../../server/server';
import { REPO_ROOT } from '../domain/helpers';

export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'stakemap-live-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function testConfig(overrides: Partial<LiveConfig>): LiveConfig {
  return { ...DEFAULTS, host: '127.0.0.1', port: 0, dist: null, db: ':memory:', quiet: true, storeDelay: 50, storeMaxDelay: 200, ...overrides };
}

export async function startServer(overrides: Partial<LiveConfig>): Promise<{ live: LiveServer; port: number; url: string }> {
  const live = createLiveServer(testConfig(overrides));
  const port = await live.listen();
  return { live, port, url: `ws://127.0.0.1:${port}/sync` };
}

export interface Client {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Close events seen: the socket's code, or Hocuspocus's close message for one room (code 1000 and a reason). */
  readonly closes: { code: number; reason: string }[];
  readonly failures: string[];
  synced(): Promise<void>;
  destroy(): void;
}

/** A real provider in Node (ws as the WebSocket), joined to `room`; it reconnects as a browser would. */
export function connectClient(url: string, room: string, token?: string): Client {
  const doc = new Y.Doc();
  const closes: { code: number; reason: string }[] = [];
  const failures: string[] = [];
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 500, factor: 1.5 });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    document: doc,
    token: token ?? null,
    onClose: ({ event }) => closes.push({ code: event.code, reason: String(event.reason ?? '') }),
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
  });
  provider.attach();
  return {
    doc,
    provider,
    closes,
    failures,
    synced: () => until(() => provider.isSynced && !provider.hasUnsyncedChanges, `${room.slice(0, 6)} synced`),
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const stop = Date.now() + ms;
  while (!check()) {
    if (Date.now() > stop) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A child process, with everything it printed. */
export interface Child {
  readonly process: ChildProcess;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Runs `file` (TypeScript, through tsx) and waits for `ready` in its output. */
export async function spawnTs(file: string, args: readonly string[], ready: RegExp, env: NodeJS.ProcessEnv = {}): Promise<Child> {
  return spawnReady(process.execPath, ['--import', 'tsx', join(REPO_ROOT, file), ...args], ready, env);
}

export async function spawnReady(command: string, args: readonly string[], ready: RegExp, env: NodeJS.ProcessEnv = {}): Promise<Child> {
  const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let failed: Error | null = null;
  child.on('error', (error) => (failed = error)); // e.g. ENOENT: not installed
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null || failed !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await until(() => ready.test(text) || child.exitCode !== null || failed !== null, `${command} to be ready`, 30_000);
    if (failed) throw new Error(`${command} could not start (${(failed as Error).message}); the live tests need it installed (Debian: apt-get install ${command})`);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}: ${text}`);
  return { process: child, output: () => text, stop };
}
