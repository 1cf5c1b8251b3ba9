// Kept copies (persistence/rescue.ts) of the open map that are newer than
// what it shows: a page closed while storage was full, say. Opening the map
// says so at once and offers them (restore or compare), whatever the storage
// state: they are read from localStorage, not from IndexedDB.
import { diffMaps, placeMissing, type StakeMap } from '../domain';
import { checkRescue, isOwnRescue, listRescues, loadStoredMapCheck } from '../persistence';

export interface KeptCopy {
  key: string;
  at: number;
  map: StakeMap;
}

/** Unseen copies of `mapId` kept by pages that have closed, whose map differs from `shown`; newest first. */
export async function keptCopiesOf(mapId: string, shown: StakeMap): Promise<KeptCopy[]> {
  const read = await loadStoredMapCheck();
  const copies: KeptCopy[] = [];
  for (const { key, mapId: id, raw } of listRescues()) {
    if (id !== mapId || isOwnRescue(key)) continue;
    const checked = checkRescue(read, id, raw);
    if (!checked.ok || checked.value.seen) continue; // damaged ones are offered by the recovery view
    const map = placeMissing(checked.value.map);
    if (diffMaps(shown, map)) copies.push({ key, at: checked.value.at, map });
  }
  return copies.sort((a, b) => b.at - a.at);
}

/** What differs between the map shown and a kept copy, in a few lines of words. */
export function describeDifferences(shown: StakeMap, copy: StakeMap, max = 8): string[] {
  const change = diffMaps(shown, copy);
  if (!change) return ['Nothing: the kept copy is the map as shown.'];
  const lines: string[] = [];
  for (const [, [before, after]] of change.stakeholders) {
    if (!before && after) lines.push(`Only in the kept copy: ${after.name}`);
    else if (before && !after) lines.push(`Not in the kept copy: ${before.name}`);
    else if (before && after) {
      const what = [
        before.name !== after.name ? `named “${after.name}”` : '',
        before.label !== after.label ? `a ${after.label}` : '',
        before.side !== after.side ? `on the ${after.side} side` : '',
        (before.notes ?? '') !== (after.notes ?? '') ? 'other notes' : '',
        before.position?.x !== after.position?.x || before.position?.y !== after.position?.y ? 'in another place' : '',
      ].filter(Boolean);
      lines.push(`${before.name} is ${what.join(', ') || 'different'} in the kept copy`);
    }
  }
  const relations = change.relations.size;
  if (relations) lines.push(`${relations} relation${relations === 1 ? '' : 's'} differ${relations === 1 ? 's' : ''}`);
  for (const key of change.head.keys()) lines.push(`The ${HEAD_WORDS[key] ?? key} differs`);
  return lines.length > max ? [...lines.slice(0, max), `and ${lines.length - max} more differences`] : lines;
}

const HEAD_WORDS: Record<string, string> = {
  title: 'title',
  organization: 'organization',
  definition: 'definition of customer',
  definitionNote: 'note on the definition',
};
