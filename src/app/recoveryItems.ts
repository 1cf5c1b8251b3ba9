// What the recovery view offers for each thing it found in storage (a map
// record, a snapshot, an unsaved copy): a title, whether it is damaged, and a
// file. It goes through the check every stored map goes through
// (readStoredMap): one that passes downloads as a map file that Import opens;
// one that fails downloads as it is, with nothing held back. If the check
// itself could not load, everything downloads as found.
import type { StakeMap } from '../domain';
import { plainWithGaps, rawText, type ReadStoredMap } from '../persistence';
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

export interface EverythingFile {
  text: string;
  /** How many records went into the file, whole or marked. */
  written: number;
  /** Each record written with parts marked, or left out, in words: "Map “Loop”: a part that refers back to itself…". */
  gaps: string[];
}

/** One labelled thing found in storage, for the file of everything. */
export interface Found {
  readonly label: string;
  readonly value: unknown;
}

/**
 * Everything found, as one JSON file: each record on its own, so one that
 * cannot be written whole (a cycle, say) is marked or left out and named,
 * never the reason the rest is not downloaded.
 */
export function everythingFile(groups: Readonly<Record<'maps' | 'snapshots' | 'rescues', readonly Found[]>>, exportedAt = new Date()): EverythingFile {
  const gaps: string[] = [];
  let written = 0;
  const out: Record<string, unknown[]> = { maps: [], snapshots: [], rescues: [] };
  for (const [group, items] of Object.entries(groups)) {
    for (const { label, value } of items) {
      try {
        const plain = plainWithGaps(value);
        JSON.stringify(plain.value); // throws here, for this record only, if it still cannot be written
        out[group]!.push(plain.value);
        written += 1;
        if (plain.gaps.length) gaps.push(`${label}: ${plain.gaps.join('; ')}`);
      } catch (err) {
        gaps.push(`${label}: left out, it could not be read (${err instanceof Error ? err.message : String(err)})`);
      }
    }
  }
  const dump = { app: 'stakemap', exportedAt: exportedAt.toISOString(), ...out, notWrittenWhole: gaps };
  return { text: `${JSON.stringify(dump, null, 2)}\n`, written, gaps };
}
