// A two-screen hash router: the map library (#/) and one map (#/map/ID).
// Hash routes survive a reload and work on any static host.
import { useSyncExternalStore } from 'react';

export type Route = { view: 'library' } | { view: 'map'; id: string };

export function parseRoute(hash: string): Route {
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
