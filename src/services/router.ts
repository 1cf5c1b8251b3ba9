// A hash router: the map library (#/), one map (#/map/ID) and a live room
// (#/live/ROOM, or #/live/ROOM/TOKEN where the server asks for room tokens).
// Hash routes survive a reload and work on any static host.
import { useSyncExternalStore } from 'react';

export type Route = { view: 'library' } | { view: 'map'; id: string } | { view: 'live'; room: string; token: string | null };

export function parseRoute(hash: string): Route {
  const live = /^#\/live\/([A-Za-z0-9_-]{22,64})(?:\/([A-Za-z0-9_-]{1,128}))?$/.exec(hash);
  if (live?.[1]) return { view: 'live', room: live[1], token: live[2] ?? null };
  const match = /^#\/map\/([^/?#]+)$/.exec(hash);
  if (match?.[1]) {
    try {
      return { view: 'map', id: decodeURIComponent(match[1]) };
    } catch {
      return { view: 'library' };
    }
  }
  return { view: 'library' };
}

export function routeHash(route: Route): string {
  if (route.view === 'live') return `#/live/${route.room}${route.token ? `/${route.token}` : ''}`;
  return route.view === 'map' ? `#/map/${encodeURIComponent(route.id)}` : '#/';
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (location.hash === hash) return;
  if (options.replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}
