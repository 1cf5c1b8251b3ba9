// @vitest-environment node
// The built app and the sync endpoint on one port: static files, the app's
// routes, and websockets only at /sync. Plus the flags and environment.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readConfig } from '../../server/config';
import { addresses, redisOptions } from '../../server/server';
import { startServer, tempDir } from './helpers';

describe('serving the app', () => {
  const dir = tempDir();
  let base = '';
  let close: () => Promise<void> = async () => {};
  const index = '<!doctype html><title>Stakemap</title>';

  beforeAll(async () => {
    mkdirSync(join(dir.path, 'assets'));
    writeFileSync(join(dir.path, 'index.html'), index);
    writeFileSync(join(dir.path, 'assets', 'index-abc123.js'), 'export {};');
    writeFileSync(join(dir.path, 'assets', 'index-abc123.css'), 'body{}');
    writeFileSync(join(dir.path, 'sw.js'), 'self;');
    writeFileSync(join(dir.path, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dir.path, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const s = await startServer({ dist: dir.path });
    base = `http://127.0.0.1:${s.port}`;
    close = () => s.live.close();
  });
  afterAll(async () => {
    await close();
    dir.remove();
  });

  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', 'no-cache'],
    ['/favicon.svg', 'image/svg+xml', 'no-cache'],
  ])('serves %s as %s', async (path, type, cache) => {
    const response = await fetch(base + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe(cache);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers the app\'s own routes with index.html, and a missing file with 404', async () => {
    const route = await fetch(`${base}/live/some-room?x=1`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(index);
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('never reads outside dist/', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fetc%2fhostname', '/%2e%2e/%2e%2e/etc/passwd']) {
      const response = await fetch(base + path);
      const text = await response.text();
      expect(text === index || response.status >= 400).toBe(true);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/`, { method: 'HEAD' })).status).toBe(200);
  });

  it('upgrades to a websocket at /sync only', async () => {
    const open = (path: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${base.replace('http', 'ws')}${path}`);
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('error', () => resolve('refused'));
      });
    expect(await open('/sync')).toBe('open');
    expect(await open('/elsewhere')).toBe('refused');
  });
});

describe('settings', () => {
  it('take flags before environment variables before defaults', () => {
    const config = readConfig(['--port', '4000', '--db', '/tmp/x.sqlite'], { PORT: '5000', HOST: '0.0.0.0', STAKEMAP_SECRET: 's', REDIS_URL: 'redis://127.0.0.1:6390' });
    expect(config).toMatchObject({ port: 4000, host: '0.0.0.0', db: '/tmp/x.sqlite', secret: 's', redis: 'redis://127.0.0.1:6390' });
    expect(readConfig([], {})).toMatchObject({ port: 5180, host: '127.0.0.1', secret: null, redis: null });
  });

  it('refuse bad values with a message that says which', () => {
    expect(() => readConfig(['--port', 'eighty'], {})).toThrow(/The port must be a whole number above 0, not "eighty"/);
    expect(() => readConfig(['--max-connections', '0'], {})).toThrow(/The most connections/);
    expect(() => readConfig(['--nope'], {})).toThrow();
    expect(() => redisOptions('http://127.0.0.1')).toThrow(/redis:\/\//);
  });

  it('read a Redis address', () => {
    expect(redisOptions('redis://user:pa%40ss@10.0.0.5:6390/2')).toEqual({ host: '10.0.0.5', port: 6390, options: { username: 'user', password: 'pa@ss', db: 2 } });
  });

  it('print every address of the machine when listening on 0.0.0.0', () => {
    expect(addresses('127.0.0.1', 5180)).toEqual(['http://127.0.0.1:5180/']);
    expect(addresses('0.0.0.0', 5180)[0]).toBe('http://127.0.0.1:5180/');
  });
});
