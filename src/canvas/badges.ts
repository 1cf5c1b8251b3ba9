// Whether cards show their depth and yearly value (a small badge): a view
// choice of this browser, not an edit of the map, so never undone, never in
// the file. Remembered in localStorage when the browser lets us.
import { useSyncExternalStore } from 'react';
import { readFlag, writeFlag } from '../store';

export const BADGES_KEY = 'stakemap.view.cardBadges';

let on = readFlag(BADGES_KEY);
const listeners = new Set<() => void>();

export function useCardBadges(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => on,
  );
}

export function cardBadgesOn(): boolean {
  return on;
}

export function setCardBadges(next: boolean): void {
  writeFlag(BADGES_KEY, next);
  on = next;
  for (const l of listeners) l();
}

/** Reads the stored choice again (a test's fresh start, another tab's change). */
export function reloadCardBadges(): void {
  on = readFlag(BADGES_KEY);
  for (const l of listeners) l();
}
