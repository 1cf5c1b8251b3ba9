// Rooms in SQLite: one row per room, its Yjs state as one blob, written when
// Hocuspocus stores the room (a couple of seconds after a change, and when the
// last person leaves or the server stops), so a restart loses nothing stored.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export interface RoomStore {
  fetch(room: string): Uint8Array | null;
  store(room: string, state: Uint8Array): void;
  close(): void;
}

export function openStore(path: string): RoomStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // WAL and a busy timeout: several server processes on one machine may share the file.
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS rooms (name TEXT PRIMARY KEY, data BLOB NOT NULL, updated INTEGER NOT NULL)');
  const select = db.prepare<[string], { data: Buffer }>('SELECT data FROM rooms WHERE name = ?');
  const upsert = db.prepare<[string, Uint8Array, number]>(
    'INSERT INTO rooms (name, data, updated) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data, updated = excluded.updated',
  );
  return {
    fetch: (room) => select.get(room)?.data ?? null,
    store: (room, state) => {
      upsert.run(room, state, Date.now());
    },
    close: () => db.close(),
  };
}
