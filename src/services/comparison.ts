// Whether the breakout comparison is open, and whether it shows the
// facilitator's own map as a column (remembered in this browser). Kept here,
// apart from the store: none of it is part of the map.
import { useSyncExternalStore } from 'react';

const OWN_KEY = 'stakemap.compare.includeOwn';

interface ComparisonUi {
  readonly open: boolean;
  readonly includeOwn: boolean;
}

function readOwn(): boolean {
  try {
    return globalThis.localStorage?.getItem(OWN_KEY) === 'true';
  } catch {
    return false;
  }
}

let state: ComparisonUi = { open: false, includeOwn: readOwn() };
const listeners = new Set<() => void>();

function set(patch: Partial<ComparisonUi>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useComparisonUi(): ComparisonUi {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export function setComparisonOpen(open: boolean): void {
  set({ open });
}

export function setIncludeOwn(includeOwn: boolean): void {
  try {
    globalThis.localStorage?.setItem(OWN_KEY, String(includeOwn));
  } catch {
    // Not remembered; the choice still applies in this tab.
  }
  set({ includeOwn });
}
