// @vitest-environment node
// `npm run dev` has live rooms too: server/dev.ts on any http server (Vite's), at /sync.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachLiveRooms } from '../../server/dev';
import { setTitle } from '../../src/domain';
import { newRoomId, readMapFromDoc, writeMapToDoc } from '../../src/live';
import { parseObject, validFile } from '../domain/helpers';
import { connectClient, tempDir, until } from './helpers';

describe('live rooms in the dev server', () => {
  it('sync two clients at /sync of an http server it is attached to, and leave other upgrades alone', async () => {
    const dir = tempDir();
    const before = process.env.STAKEMAP_DB;
    process.env.STAKEMAP_DB = join(dir.path, 'dev.sqlite');
    const http = createServer((_, response) => response.end('dev'));
    const live = attachLiveRooms(http);
    let other = 0;
    http.on('upgrade', (request, socket) => {
      if (request.url !== '/sync') {
        other++;
        socket.destroy();
      }
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const port = (http.address() as { port: number }).port;
    const room = newRoomId();
    const [a, b] = [connectClient(`ws://127.0.0.1:${port}/sync`, room), connectClient(`ws://127.0.0.1:${port}/sync`, room)];
    try {
      await Promise.all([a.synced(), b.synced()]);
      const base = parseObject(validFile());
      if (!base.ok) throw new Error('invalid base');
      writeMapToDoc(a.doc, setTitle(base.map, 'Dev room'), 'me');
      await until(() => readMapFromDoc(b.doc).title === 'Dev room', 'B to see the title');
      const elsewhere = connectClient(`ws://127.0.0.1:${port}/hmr`, room);
      await until(() => other > 0, 'the other upgrade to reach its own listener');
      elsewhere.destroy();
      expect(readMapFromDoc(b.doc)).toStrictEqual(readMapFromDoc(a.doc));
    } finally {
      a.destroy();
      b.destroy();
      await live.close();
      http.close();
      if (before === undefined) delete process.env.STAKEMAP_DB;
      else process.env.STAKEMAP_DB = before;
      dir.remove();
    }
  });
});
