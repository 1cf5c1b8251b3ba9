// Turns whatever IndexedDB / Dexie threw into something the UI can say.
// Browsers and Dexie wrap the real reason (AbortError.inner, OpenFailedError.inner,
// Error.cause, ...), so we search the whole chain, not just the top error.

export type StorageErrorKind = 'quota' | 'unavailable' | 'version' | 'conflict' | 'unknown';

export interface ClassifiedError {
  kind: StorageErrorKind;
  /** What happened and what to do, in words for the workshop team. */
  message: string;
  /** The technical reason ("Name: message"), for logs and bug reports. */
  detail: string;
}

/** Thrown by the repository when a map id is not (or no longer) stored. */
export class MapNotFoundError extends Error {
  constructor(readonly mapId: string) {
    super(`No saved map with id ${mapId}`);
    this.name = 'MapNotFoundError';
  }
}

/**
 * Thrown by the repository when a save expected one revision of a map and
 * found another: a different tab saved the map in between.
 */
export class MapConflictError extends Error {
  constructor(
    readonly mapId: string,
    readonly expectedRev: number,
    readonly foundRev: number,
  ) {
    super(`Map ${mapId} is at revision ${foundRev}, not ${expectedRev}: it was saved elsewhere`);
    this.name = 'MapConflictError';
  }
}

export type StoredKind = 'map' | 'snapshot' | 'unsaved copy';

/**
 * A stored map, snapshot or rescued copy failed the check every read goes
 * through (records.ts, domain/stored.ts). It is left in storage as it is:
 * `raw` is what was read, `problems` say what is wrong with it, in words.
 */
export class CorruptRecordError extends Error {
  constructor(
    readonly kind: StoredKind,
    readonly recordId: string,
    readonly problems: readonly string[],
    readonly raw?: unknown,
  ) {
    super(corruptMessage(kind, problems));
    this.name = 'CorruptRecordError';
  }
}

function corruptMessage(kind: StoredKind, problems: readonly string[]): string {
  const first = problems[0] ?? 'it could not be read';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  const what = kind === 'map' ? 'This saved map is damaged, so it cannot be opened' : `This ${kind} is damaged, so it cannot be used`;
  return `${what}: ${first}${more}. It is kept unchanged in this browser; the recovery view (#/recovery) can download it as it is.`;
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
// DOMException.QUOTA_EXCEEDED_ERR is 22; old Firefox used 1014.
const QUOTA_CODES = new Set([22, 1014]);
// The database on disk belongs to another build of the app (usually a newer tab).
const VERSION_NAMES = new Set(['VersionError', 'UpgradeError', 'VersionChangeError']);
// IndexedDB is missing, blocked (private mode, policies), closed or broken.
const UNAVAILABLE_NAMES = new Set([
  'MissingAPIError',
  'InvalidStateError',
  'SecurityError',
  'UnknownError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidAccessError',
]);

const MAX_DEPTH = 32;

const MESSAGES: Record<StorageErrorKind, string> = {
  quota:
    'Your browser has run out of storage space for Stakemap, so your latest changes are not saved yet. ' +
    'They are still open here: export the map to a file now, then free space by deleting old maps ' +
    "or clearing other sites' data.",
  unavailable:
    'This browser is not letting Stakemap save (private browsing, blocked site data or a storage problem). ' +
    'Your changes are only in this tab: export the map to a file before closing it.',
  version:
    'Stakemap was updated in another tab, so this older tab can no longer save. ' +
    'Export the map to a file to keep your latest changes, then reload the page.',
  conflict:
    'This map was changed in another tab while you were editing it here. So that neither tab overwrites ' +
    "the other, this tab has stopped saving. Your changes from this tab are kept in the map's History; " +
    'download them or load the latest version.',
  unknown:
    'Stakemap could not save your latest changes. They are still open here and saving will be tried ' +
    'again on your next change. If this keeps happening, export the map to a file.',
};

const MISSING_MAP_MESSAGE =
  'This map is no longer in the browser storage (it may have been deleted in another tab). ' +
  'Export it to a file to keep it.';

export function classifyStorageError(err: unknown): ClassifiedError {
  const chain = errorChain(err);
  const detail = describe(err);
  if (chain.some(isQuota)) return { kind: 'quota', message: MESSAGES.quota, detail };
  if (chain.some((e) => e instanceof MapConflictError)) return { kind: 'conflict', message: MESSAGES.conflict, detail };
  if (chain.some((e) => VERSION_NAMES.has(nameOf(e)))) return { kind: 'version', message: MESSAGES.version, detail };
  if (chain.some((e) => UNAVAILABLE_NAMES.has(nameOf(e)))) {
    return { kind: 'unavailable', message: MESSAGES.unavailable, detail };
  }
  if (chain.some((e) => e instanceof MapNotFoundError)) return { kind: 'unknown', message: MISSING_MAP_MESSAGE, detail };
  const corrupt = chain.find((e) => nameOf(e) === 'CorruptRecordError');
  if (corrupt) return { kind: 'unknown', message: String(read(corrupt, 'message')), detail };
  return { kind: 'unknown', message: MESSAGES.unknown, detail };
}

/** True when retrying soon cannot help: the user has to act first. */
export function needsUserAction(error: ClassifiedError): boolean {
  return error.kind === 'quota' || error.kind === 'version' || error.kind === 'conflict';
}

function isQuota(e: object): boolean {
  if (QUOTA_NAMES.has(nameOf(e))) return true;
  const code = read(e, 'code');
  return typeof code === 'number' && QUOTA_CODES.has(code);
}

/** The error and everything it wraps, breadth-first, each object once. */
function errorChain(root: unknown): object[] {
  const seen = new Set<object>();
  const out: object[] = [];
  let level: unknown[] = [root];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const e of level) {
      if (typeof e !== 'object' || e === null || seen.has(e)) continue;
      seen.add(e);
      out.push(e);
      next.push(...causesOf(e));
    }
    level = next;
  }
  return out;
}

/**
 * What an error wraps, as far as classification looks. Exported so the save
 * worker sends exactly these links across (errorTransfer.ts).
 */
export function causesOf(e: object): object[] {
  // Dexie: inner; ES2022: cause; IDBRequest/events: error;
  // AggregateError: errors; Dexie BulkError: failures.
  const causes = [read(e, 'inner'), read(e, 'cause'), read(e, 'error')];
  for (const key of ['errors', 'failures']) {
    const list = read(e, key);
    if (Array.isArray(list)) causes.push(...(list as unknown[]));
  }
  return causes.filter((c): c is object => typeof c === 'object' && c !== null);
}

/** Reads a property without letting a throwing getter or proxy escape. */
export function read(e: object, key: string): unknown {
  try {
    return (e as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

export function nameOf(e: object): string {
  const name = read(e, 'name');
  return typeof name === 'string' ? name : '';
}

function describe(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const message = read(err, 'message');
    const name = nameOf(err) || 'Error';
    return typeof message === 'string' && message ? `${name}: ${message}` : name;
  }
  return String(err);
}
