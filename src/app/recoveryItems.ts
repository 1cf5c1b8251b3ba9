// What the recovery view offers for each thing it found in storage (a map
// record, a snapshot, an unsaved copy): a title, whether it is damaged, and a
// file. It goes through the check every stored map goes through
// (readStoredMap): one that passes downloads as a map file that Import opens;
// one that fails downloads as it is, with nothing held back. If the check
// itself could not load, everything downloads as found.
import type { StakeMap } from '../domain';
import { rawText, type ReadStoredMap } from '../persistence';
import { mapFileText } from '../services/download';

export interface RecoveryItem {
  readonly title: string;
  /** Why the check refused it; null when it passed or was not checked. */
  readonly problems: readonly string[] | null;
  fileText(): string;
}

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** `found`: a record or entry as read from storage, with its map in `map` and the format version beside it. */
export function recoveryItem(read: ReadStoredMap | null, found: unknown, fallbackTitle: string): RecoveryItem {
  const r: Raw = isObject(found) ? found : {};
  const title = text(r.title) ?? (isObject(r.map) ? text(r.map.title) : undefined) ?? fallbackTitle;
  if (!read) return { title, problems: null, fileText: () => asFound(found) };
  const checked = read(r.map, r.formatVersion);
  if (!checked.ok) return { title, problems: checked.problems, fileText: () => rawText(found) };
  const map: StakeMap = checked.map;
  return { title: map.title, problems: null, fileText: () => mapFileText(map) };
}

/** Unchecked: as a map file when it serializes as one, else as it is. */
function asFound(found: unknown): string {
  const map = isObject(found) ? found.map : undefined;
  if (!isObject(map)) return rawText(found);
  try {
    return mapFileText(map as unknown as StakeMap);
  } catch {
    return rawText(found); // a cycle, say: mapFileText's own fallback is JSON.stringify
  }
}
