// Whether cards show their depth and yearly value (a small badge): a view
// choice of this browser, not an edit of the map, so never undone, never in
// the file. Remembered in localStorage when the browser lets us.
import { useSyncExternalStore } from 'react';

export const BADGES_KEY = 'stakemap.view.cardBadges';

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(BADGES_KEY) === 'true';
  } catch {
    return false;
  }
}

let on = read();
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
  try {
    globalThis.localStorage?.setItem(BADGES_KEY, String(next));
  } catch {
    // Not remembered (storage full or refused); the choice still applies in this tab.
  }
  on = next;
  for (const l of listeners) l();
}

/** Reads the stored choice again (a test's fresh start, another tab's change). */
export function reloadCardBadges(): void {
  on = read();
  for (const l of listeners) l();
}
