// A yes/no choice of this browser (not of the map) remembered in localStorage.
// Storage may be unavailable or refuse: the choice then reads as off, and a
// new choice still applies in this tab without being remembered.

export function readFlag(key: string): boolean {
  try {
    return globalThis.localStorage?.getItem(key) === 'true';
  } catch {
    return false;
  }
}

export function writeFlag(key: string, on: boolean): void {
  try {
    globalThis.localStorage?.setItem(key, String(on));
  } catch {
    // Not remembered; the setting still applies in this tab.
  }
}
