// Live rooms inside Vite's dev server (`npm run dev`): the same rooms as the
// live server, on the dev server's own port at /sync, kept in
// data/dev-rooms.sqlite (STAKEMAP_DB to change). Loaded by vite.config.ts
// only when the dev server starts.
import type { Server as HttpServer } from 'node:http';
import { resolve } from 'node:path';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import { readConfig } from './config';
import { createLog } from './log';
import { roomExtensions, SYNC_PATH } from './server';
import { openStore } from './store';

export function attachLiveRooms(http: HttpServer): { close: () => Promise<void> } {
  const env = { STAKEMAP_DB: resolve('data/dev-rooms.sqlite'), ...process.env };
  const config = { ...readConfig([], env), quiet: true };
  const store = openStore(config.db);
  const hocuspocus = new Hocuspocus({
    name: 'stakemap-dev',
    quiet: true,
    debounce: config.storeDelay,
    maxDebounce: config.storeMaxDelay,
    extensions: roomExtensions(config, store, createLog(true)),
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
  // Vite answers its own upgrades (hot reload); this one takes /sync only.
  http.on('upgrade', (request, socket, head) => {
    if ((request.url ?? '').split('?')[0] !== SYNC_PATH) return;
    sockets.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      hocuspocus.handleConnection(ws, request);
    });
  });
  return {
    /** Closes every connection, waits for the open rooms to be stored (5 s at most), then closes the database. */
    close: async () => {
      hocuspocus.closeConnections();
      sockets.close();
      const stop = Date.now() + 5_000;
      while (hocuspocus.getDocumentsCount() > 0 && Date.now() < stop) await new Promise((r) => setTimeout(r, 20));
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      store.close();
    },
  };
}
