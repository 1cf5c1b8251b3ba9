// @vitest-environment node
// Scale-out: two server processes, one Redis, each client on its own
// instance; each with its own SQLite file, so that only Redis can carry the
// edits across. Also checks what the processes print: never map content.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTitle, updateStakeholder } from '../../src/domain';
import { newRoomId, readMapFromDoc, roomToken, writeMapToDoc } from '../../src/live';
import { parseObject, validFile } from '../domain/helpers';
import { connectClient, spawnReady, spawnTs, tempDir, until, type Child, type Client } from './helpers';

const REDIS_PORT = 6390;
const PORTS = [4311, 4312] as const;
const SECRET = 'room secret for the test';
const NAME = 'Zebra-crossing-unique-name';

describe('two instances over one Redis', { timeout: 60_000 }, () => {
  const dir = tempDir();
  const children: Child[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    children.push(await spawnReady('redis-server', ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], /Ready to accept connections/));
    for (const [i, port] of PORTS.entries()) {
      const args = ['--port', String(port), '--db', join(dir.path, `rooms-${i}.sqlite`), '--dist', dir.path, '--redis', `redis://127.0.0.1:${REDIS_PORT}`];
      children.push(await spawnTs('server/main.ts', args, /Stakemap is running at/, { STAKEMAP_SECRET: SECRET }));
    }
  });

  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    for (const child of children.reverse()) await child.stop();
    dir.remove();
  });

  it('converge: an edit on one instance reaches a client of the other, both ways', async () => {
    const room = newRoomId();
    const token = await roomToken(SECRET, room);
    const [a, b] = PORTS.map((port) => connectClient(`ws://127.0.0.1:${port}/sync`, room, token)) as [Client, Client];
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    const base = parseObject(validFile());
    if (!base.ok) throw new Error('invalid base');
    const map = updateStakeholder(base.map, 'a', { name: NAME });
    writeMapToDoc(a.doc, map, 'me');
    await until(() => readMapFromDoc(b.doc).stakeholders[0]?.name === NAME, 'B (other instance) to see A\'s map');
    writeMapToDoc(b.doc, setTitle(map, 'Title from B'), 'me');
    await until(() => readMapFromDoc(a.doc).title === 'Title from B', 'A to see B\'s title');
    expect(readMapFromDoc(a.doc)).toStrictEqual(readMapFromDoc(b.doc));

    // What the servers printed: addresses and events with short room ids; no map content, no full room id, no secret.
    const printed = children.slice(1).map((c) => c.output()).join('\n');
    expect(printed).toContain(`Stakemap is running at http://127.0.0.1:${PORTS[0]}/`);
    expect(printed).toContain(`room ${room.slice(0, 6)}… joined`);
    for (const secret of [NAME, 'Title from B', 'Alpha', room, SECRET, token]) expect(printed).not.toContain(secret);
  });
});
