/// <reference types="vite-plugin-pwa/vanillajs" />
// Offline: a service worker (vite-plugin-pwa, Workbox) caches the built app
// so a workshop on bad Wi-Fi carries on. registerType 'prompt': a new version
// waits until the team chooses to reload, and the prompt only shows when
// everything is saved, so an update never discards unsaved edits.
import { useHealth } from './health';
import { flushSaves, hasUnsavedWork } from './session';

let update: ((reloadPage?: boolean) => Promise<void>) | null = null;
let registered = false;

export function registerServiceWorker(): void {
  if (registered) return;
  registered = true;
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  import('virtual:pwa-register')
    .then(({ registerSW }) => {
      update = registerSW({
        immediate: true,
        onNeedRefresh: () => useHealth.setState({ updateReady: true }),
        onRegisterError: (error: unknown) => console.warn('Stakemap works online only: the offline cache failed to start', error),
      });
    })
    .catch(() => undefined);
}

/**
 * Reloads, into the new version when one is waiting (a plain reload would be
 * served the old one again by the service worker). For a tab that can no
 * longer save: what it could not write is rescued on page hide (session.ts).
 */
export async function reloadApp(): Promise<void> {
  await flushSaves().catch(() => undefined);
  if (update && useHealth.getState().updateReady) await update(true);
  else location.reload();
}

/** Reloads into the new version, once nothing is left unsaved. */
export async function applyUpdate(): Promise<void> {
  await flushSaves();
  if (hasUnsavedWork()) return; // the save banner explains; the prompt stays
  if (update) await update(true);
  else location.reload();
}
