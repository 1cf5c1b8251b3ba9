// @vitest-environment node
// The live server for real: Hocuspocus on 127.0.0.1, SQLite on disk, real providers.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setTitle, updateStakeholder } from '../../src/domain';
import { newRoomId, readMapFromDoc, roomToken, writeMapToDoc } from '../../src/live';
import { DOCUMENT_TOO_LARGE, serverRoomToken } from '../../server/guard';
import { parseObject, validFile } from '../domain/helpers';
import { connectClient, startServer, tempDir, until, type Client } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function startMap() {
  const result = parseObject(validFile());
  if (!result.ok) throw new Error('invalid base');
  return result.map;
}

function client(url: string, room: string, token?: string): Client {
  const c = connectClient(url, room, token);
  cleanups.push(() => c.destroy());
  return c;
}

async function server(overrides: Parameters<typeof startServer>[0]) {
  const s = await startServer(overrides);
  cleanups.push(() => s.live.close());
  return s;
}

describe('live server', { timeout: 30_000 }, () => {
  it('keeps rooms across a restart: what was stored is there for whoever joins next', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const db = join(dir.path, 'rooms.sqlite');
    const room = newRoomId();
    const first = await startServer({ db });
    const a = connectClient(first.url, room);
    await a.synced();
    const map = updateStakeholder(startMap(), 'a', { name: 'Written before the restart' });
    writeMapToDoc(a.doc, map, 'me');
    await a.synced();
    await first.live.close(); // a graceful stop stores every open room, with A still in it
    a.destroy(); // A is gone too: only the database can bring the map back
    const second = await server({ db });
    const b = client(second.url, room);
    await b.synced();
    expect(readMapFromDoc(b.doc)).toStrictEqual(map);
  });

  it('takes back a client that stays through a restart, with what it wrote meanwhile', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const db = join(dir.path, 'rooms.sqlite');
    const port = 4313;
    const room = newRoomId();
    const first = await startServer({ db, port });
    const a = client(first.url, room);
    await a.synced();
    writeMapToDoc(a.doc, startMap(), 'me');
    await a.synced();
    await first.live.close();
    const offline = setTitle(startMap(), 'Written while the server was away');
    writeMapToDoc(a.doc, offline, 'me');
    await server({ db, port });
    await a.synced(); // the provider reconnected by itself and sent what it had
    const b = client(first.url, room);
    await b.synced();
    expect(readMapFromDoc(b.doc)).toStrictEqual(offline);
  });

  it('refuses a wrong room token when a secret is set, and takes the right one', async () => {
    const secret = 'a shared secret';
    const { url } = await server({ secret });
    const room = newRoomId();
    expect(serverRoomToken(secret, room)).toBe(await roomToken(secret, room));
    const wrong = client(url, room, await roomToken('another secret', room));
    const none = client(url, room);
    await until(() => wrong.failures.length > 0 && none.failures.length > 0, 'both refusals');
    expect(wrong.failures[0]).toBe('permission-denied');
    expect(none.failures[0]).toBe('permission-denied');
    const right = client(url, room, await roomToken(secret, room));
    await right.synced();
    expect(right.provider.isAuthenticated).toBe(true);
    expect(wrong.provider.isSynced).toBe(false);
  });

  it('refuses rooms whose id is not at least 128 random bits in base64url', async () => {
    const { url } = await server({});
    const guessable = client(url, 'room-1');
    await until(() => guessable.failures.length > 0, 'the refusal');
    expect(guessable.failures[0]).toBe('unknown-room');
  });

  it('closes a connection that sends a message over the cap, without applying it', async () => {
    const { url } = await server({ maxMessageBytes: 64 * 1024 });
    const room = newRoomId();
    const big = client(url, room);
    await big.synced();
    big.doc.getMap('map').set('title', 'x'.repeat(100_000));
    await until(() => big.closes.some((c) => c.code === 1009), 'close with 1009 (message too big)');
    big.destroy();
    const other = client(url, room);
    await other.synced();
    expect(other.doc.getMap('map').has('title')).toBe(false);
  });

  it('refuses changes that would grow a room past the document cap', async () => {
    const { url } = await server({ maxMessageBytes: 64 * 1024, maxDocumentBytes: 100 * 1024 });
    const room = newRoomId();
    const writer = client(url, room);
    await writer.synced();
    const refused = () => writer.closes.some((c) => c.reason === DOCUMENT_TOO_LARGE.reason);
    for (let i = 0; i < 5 && !refused(); i++) {
      writer.doc.getMap('map').set(`chunk${i}`, String(i).repeat(30_000));
      await until(() => !writer.provider.hasUnsyncedChanges || writer.closes.length > 0, 'the chunk to be taken or refused');
    }
    expect(refused()).toBe(true);
    writer.destroy();
    const reader = client(url, room);
    await reader.synced();
    expect(reader.doc.getMap('map').size).toBe(3); // 3 × 30 kB fit in 100 kB, the 4th did not
  });

  it('refuses more connections to one room than allowed', async () => {
    const { url } = await server({ maxConnectionsPerRoom: 2 });
    const room = newRoomId();
    const [a, b] = [client(url, room), client(url, room)];
    await Promise.all([a.synced(), b.synced()]);
    const c = client(url, room);
    await until(() => c.failures.length > 0, 'the third to be refused');
    expect(c.failures[0]).toBe('room-full');
    const elsewhere = client(url, newRoomId());
    await elsewhere.synced(); // the cap is per room
    expect(elsewhere.provider.isAuthenticated).toBe(true);
  });

  it('syncs two clients in one room both ways', async () => {
    const { url } = await server({});
    const room = newRoomId();
    const a = client(url, room);
    const b = client(url, room);
    await Promise.all([a.synced(), b.synced()]);
    writeMapToDoc(a.doc, startMap(), 'me');
    await until(() => readMapFromDoc(b.doc).stakeholders.length === 3, 'B to see A\'s map');
    writeMapToDoc(b.doc, setTitle(readMapFromDoc(b.doc), 'From B'), 'me');
    await until(() => readMapFromDoc(a.doc).title === 'From B', 'A to see B\'s title');
    expect(readMapFromDoc(a.doc)).toStrictEqual(readMapFromDoc(b.doc));
  });
});
