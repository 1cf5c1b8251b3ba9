// The live server: the built app and the sync endpoint (/sync) on one port,
// rooms kept in SQLite, optionally shared with other instances through Redis.
import { networkInterfaces } from 'node:os';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import type { LiveConfig } from './config';
import { guard } from './guard';
import { createLog, type Log } from './log';
import { serveStatic } from './static';
import { openStore, type RoomStore } from './store';

export const SYNC_PATH = '/sync';

export interface LiveServer {
  /** Starts listening; resolves with the port (useful with port 0) once ready. */
  listen(): Promise<number>;
  /** Closes every connection, stores every open room, then closes the database. */
  close(): Promise<void>;
  readonly server: Server;
}

/** What every live server does with rooms (this one, and the dev server's in server/dev.ts). */
export function roomExtensions(config: LiveConfig, store: RoomStore, log: Log): Extension[] {
  const extensions: Extension[] = [
    guard(config, log),
    new Database({
      fetch: async ({ documentName }) => store.fetch(documentName),
      store: async ({ documentName, state }) => {
        store.store(documentName, state);
        log.event('stored', documentName, `${state.byteLength} bytes`);
      },
    }),
    {
      extensionName: 'stakemap-events',
      async connected({ documentName, instance }) {
        log.event('joined', documentName, `${instance.documents.get(documentName)?.getConnectionsCount() ?? 1} here`);
      },
      async onDisconnect({ documentName, clientsCount }) {
        log.event('left', documentName, `${clientsCount} here`);
      },
    },
  ];
  if (config.redis) extensions.push(new Redis({ ...redisOptions(config.redis), prefix: 'stakemap' }));
  return extensions;
}

export function createLiveServer(config: LiveConfig, log: Log = createLog(config.quiet)): LiveServer {
  const store = openStore(config.db);
  const http: Extension = {
    extensionName: 'stakemap-http',
    async onRequest({ request, response }) {
      const path = (request.url ?? '/').split('?')[0];
      if (path === '/healthz') response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}\n');
      else await serveStatic(config.dist, request, response);
      throw null; // handled: stop Hocuspocus's default answer (an empty rejection is not logged)
    },
    async onUpgrade({ request, socket }) {
      if ((request.url ?? '').split('?')[0] === SYNC_PATH) return;
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      throw null;
    },
  };
  const extensions = [...roomExtensions(config, store, log), http];
  const server = new Server(
    {
      name: 'stakemap',
      port: config.port,
      address: config.host,
      quiet: true,
      stopOnSignals: false,
      debounce: config.storeDelay,
      maxDebounce: config.storeMaxDelay,
      extensions,
    },
    { maxPayload: config.maxMessageBytes },
  );
  return {
    server,
    async listen() {
      await server.listen();
      return server.address.port;
    },
    async close() {
      await server.destroy();
      // destroy() leaves the sockets open (ws does not end them); end them so that clients reconnect elsewhere.
      for (const socket of server.webSocketServer.clients) socket.terminate();
      store.close();
    },
  };
}

/** Host, port and options of a redis:// or rediss:// URL, as the Redis extension takes them. */
export function redisOptions(url: string): { host: string; port: number; options: Record<string, unknown> } {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`The Redis address must start with redis:// or rediss://, not ${u.protocol}`);
  const options: Record<string, unknown> = {};
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.password) options.password = decodeURIComponent(u.password);
  const db = Number(u.pathname.slice(1));
  if (u.pathname.length > 1 && Number.isInteger(db)) options.db = db;
  if (u.protocol === 'rediss:') options.tls = {};
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 6379), options };
}

/** The addresses people can open: the host itself, or with 0.0.0.0 every address of this machine. */
export function addresses(host: string, port: number): string[] {
  const url = (h: string) => `http://${h.includes(':') ? `[${h}]` : h}:${port}/`;
  if (host !== '0.0.0.0' && host !== '::') return [url(host)];
  const found = ['127.0.0.1'];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) found.push(a.address);
  return found.map(url);
}
