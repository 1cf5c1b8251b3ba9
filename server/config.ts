// The server's settings, from flags first, then environment variables, then defaults.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface LiveConfig {
  readonly host: string;
  readonly port: number;
  /** The built app to serve (vite build's output); null serves no files, only the sync endpoint. */
  readonly dist: string | null;
  /** The SQLite file rooms live in; ':memory:' keeps them only while the server runs. */
  readonly db: string;
  /** With a secret, a room needs its token, HMAC-SHA256(secret, room id), to be opened (room.ts). */
  readonly secret: string | null;
  /** redis://[user:password@]host:port[/db]: instances sharing one Redis share rooms. */
  readonly redis: string | null;
  readonly maxMessageBytes: number;
  readonly maxDocumentBytes: number;
  readonly maxConnectionsPerRoom: number;
  /** Milliseconds a room waits after a change before it is written to SQLite (and at most, under constant change). */
  readonly storeDelay: number;
  readonly storeMaxDelay: number;
  readonly quiet: boolean;
}

export const DEFAULTS: LiveConfig = {
  host: '127.0.0.1',
  port: 5180,
  dist: resolve('dist'),
  db: resolve('data/rooms.sqlite'),
  secret: null,
  redis: null,
  // A map may be a 10 MB file; its first sync is one message. The doc holds a little more than the map.
  maxMessageBytes: 16 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxConnectionsPerRoom: 100,
  storeDelay: 2_000,
  storeMaxDelay: 10_000,
  quiet: false,
};

export const USAGE = `Usage: npm start -- [options]   (or: tsx server/main.ts [options])

  --host HOST            address to listen on (HOST; default 127.0.0.1; 0.0.0.0 lets the room's network join)
  --port PORT            port for the app and the sync endpoint (PORT; default 5180)
  --db FILE              SQLite file the rooms are kept in (STAKEMAP_DB; default data/rooms.sqlite)
  --dist DIR             built app to serve (STAKEMAP_DIST; default dist)
  --redis URL            share rooms with other instances through Redis (REDIS_URL; e.g. redis://127.0.0.1:6379)
  --max-message-bytes N  largest message taken from a client (STAKEMAP_MAX_MESSAGE_BYTES; default 16 MiB)
  --max-document-bytes N largest room document (STAKEMAP_MAX_DOCUMENT_BYTES; default 32 MiB)
  --max-connections N    most people in one room (STAKEMAP_MAX_CONNECTIONS; default 100)
  --quiet                log nothing but errors
  STAKEMAP_SECRET        (environment only) rooms need a token made with this secret`;

/** Reads flags and environment; throws an Error with a message for people on bad input. */
export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): LiveConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      db: { type: 'string' },
      dist: { type: 'string' },
      redis: { type: 'string' },
      'max-message-bytes': { type: 'string' },
      'max-document-bytes': { type: 'string' },
      'max-connections': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const text = (flag: string | undefined, name: string): string | undefined => flag ?? (env[name] || undefined);
  const count = (flag: string | undefined, name: string, fallback: number, what: string): number => {
    const raw = text(flag, name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${what} must be a whole number above 0, not ${JSON.stringify(raw)}`);
    return n;
  };
  const port = count(values.port, 'PORT', DEFAULTS.port, 'The port');
  if (port > 65_535) throw new Error(`The port must be at most 65535, not ${port}`);
  const dist = text(values.dist, 'STAKEMAP_DIST');
  const db = text(values.db, 'STAKEMAP_DB');
  return {
    ...DEFAULTS,
    host: text(values.host, 'HOST') ?? DEFAULTS.host,
    port,
    dist: dist ? resolve(dist) : DEFAULTS.dist,
    db: db === ':memory:' ? db : db ? resolve(db) : DEFAULTS.db,
    secret: env.STAKEMAP_SECRET || null,
    redis: text(values.redis, 'REDIS_URL') ?? null,
    maxMessageBytes: count(values['max-message-bytes'], 'STAKEMAP_MAX_MESSAGE_BYTES', DEFAULTS.maxMessageBytes, 'The largest message'),
    maxDocumentBytes: count(values['max-document-bytes'], 'STAKEMAP_MAX_DOCUMENT_BYTES', DEFAULTS.maxDocumentBytes, 'The largest document'),
    maxConnectionsPerRoom: count(values['max-connections'], 'STAKEMAP_MAX_CONNECTIONS', DEFAULTS.maxConnectionsPerRoom, 'The most connections'),
    quiet: values.quiet ?? false,
  };
}
