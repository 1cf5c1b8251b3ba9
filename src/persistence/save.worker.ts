// The save worker: a shell around savePatch.ts, on its own connection to the
// same database. saveClient.ts starts it and posts to it.
import { openStakemapDb } from './db';
import { serializeError } from './errorTransfer';
import { answer, type SaveReply, type SaveRequest } from './savePatch';
import { watchVersionChange } from './versionchange';

const db = openStakemapDb();
let outdated = false;
// A newer build wants to upgrade: close at once so it is never blocked, and
// refuse every later save as the page's own guard does (session.ts), so the
// error is classified as 'version'.
watchVersionChange(db, () => {
  outdated = true;
});
// Connect now, not at the first save; a failure shows at that save.
db.open().catch(() => undefined);

self.onmessage = async (event: MessageEvent<SaveRequest>) => {
  const request = event.data;
  const reply: SaveReply = outdated ? { id: request.id, error: serializeError(outdatedError()) } : await answer(db, request, Date.now());
  self.postMessage(reply);
};

function outdatedError(): Error {
  const err = new Error('A newer version of Stakemap upgraded the database in another tab');
  err.name = 'VersionChangeError';
  return err;
}
