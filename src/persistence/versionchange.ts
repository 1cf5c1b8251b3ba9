// A newer build of the app opened the database at a higher schema version (or
// deleted it) in another tab. This tab's code targets the old schema: close
// the connection at once so the upgrade is not blocked, never reopen it, and
// tell the app, which stops writing and asks for a reload.
import type { StakemapDb } from './db';

export function watchVersionChange(db: StakemapDb, onOutdated: () => void): void {
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    onOutdated();
    return false; // closed it ourselves: skip Dexie's default handler
  });
}
