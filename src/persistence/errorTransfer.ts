// Errors cross from the save worker to the page as plain data: a structured
// clone keeps neither classes nor Dexie's `inner`. What classifyStorageError
// reads (name, code, the chain of causes) and the fields of our own errors are
// sent, and the page rebuilds errors that classify, and `instanceof`, the same
// as if the write had failed on the page.
import { CorruptRecordError, MapConflictError, MapNotFoundError, causesOf, nameOf, read, type StoredKind } from './errors';

export interface SentError {
  name: string;
  message: string;
  code?: number;
  /** MapConflictError / MapNotFoundError fields; a CorruptRecordError's record id. */
  mapId?: string;
  expectedRev?: number;
  foundRev?: number;
  /** CorruptRecordError fields (not what was read: the page has no use for it). */
  kind?: StoredKind;
  problems?: string[];
  causes?: SentError[];
}

// As deep as classifyStorageError looks; a cap on the whole tree for a pathological one.
const MAX_DEPTH = 32;
const MAX_ERRORS = 200;

export function serializeError(err: unknown, depth = 0, seen = new Set<object>()): SentError {
  if (typeof err !== 'object' || err === null) return { name: 'Error', message: String(err) };
  seen.add(err);
  const message = read(err, 'message');
  const sent: SentError = { name: nameOf(err) || 'Error', message: typeof message === 'string' ? message : '' };
  const code = read(err, 'code');
  if (typeof code === 'number') sent.code = code;
  if (err instanceof MapConflictError) Object.assign(sent, { mapId: err.mapId, expectedRev: err.expectedRev, foundRev: err.foundRev });
  if (err instanceof MapNotFoundError) sent.mapId = err.mapId;
  if (err instanceof CorruptRecordError) Object.assign(sent, { mapId: err.recordId, kind: err.kind, problems: [...err.problems] });
  const causes: SentError[] = [];
  for (const cause of depth < MAX_DEPTH ? causesOf(err) : []) {
    if (seen.size >= MAX_ERRORS) break;
    if (!seen.has(cause)) causes.push(serializeError(cause, depth + 1, seen));
  }
  if (causes.length > 0) sent.causes = causes;
  return sent;
}

export function reviveError(sent: SentError): Error {
  if (sent.name === 'MapConflictError' && sent.mapId !== undefined) {
    return new MapConflictError(sent.mapId, sent.expectedRev ?? 0, sent.foundRev ?? 0);
  }
  if (sent.name === 'MapNotFoundError' && sent.mapId !== undefined) return new MapNotFoundError(sent.mapId);
  if (sent.name === 'CorruptRecordError' && sent.kind !== undefined) return new CorruptRecordError(sent.kind, sent.mapId ?? '', sent.problems ?? []);
  const causes = (sent.causes ?? []).map(reviveError);
  const err: Error & { code?: number; errors?: Error[] } = new Error(sent.message, causes.length === 1 ? { cause: causes[0] } : undefined);
  err.name = sent.name;
  if (sent.code !== undefined) err.code = sent.code;
  if (causes.length > 1) err.errors = causes;
  return err;
}
