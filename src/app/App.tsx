import { lazy, Suspense, useEffect, useState } from 'react';
import { ensureAutosave, flushSaves, openStoredMap, recoverUnsaved, repository, startStorage } from '../services/session';
import { navigate, parseRoute, useHash } from '../services/router';
import { Recovery } from './Recovery';
import { registerServiceWorker } from '../services/pwa';
import { Library } from '../panels/Library';
import { FileDrop } from './FileDrop';
import { useStakemap } from '../store';

import { editorLoaded, loadEditor, LoadedEditor } from './editorChunk';
const OPENING_MAP = <div className="splash" aria-busy="true">Opening map…</div>;

function prefetchEditor(now: boolean): void {
  if (now) void loadEditor();
  else if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadEditor(), { timeout: 2_000 });
  else setTimeout(() => void loadEditor(), 500);
}

// Developers only: #/dev/generate?stakeholders=1000&relations=2000&seed=1 (src/workshop/devGenerate.ts).
const DevGenerate = lazy(() => import('../workshop/DevGenerate'));
// Live rooms load on a live route (or with the editor), never with the start screen.
const LiveRoute = lazy(() => import('./LiveRoute').then((m) => ({ default: m.LiveRoute })));

export function App() {
  const hash = useHash();
  const [ready, setReady] = useState(false);

  useEffect(() => {
    prefetchEditor(parseRoute(location.hash).view !== 'library');
    ensureAutosave();
    registerServiceWorker();
    void (async () => {
      await startStorage();
      await recoverUnsaved();
      // No address: bring back the map that was open last, as it was.
      if (location.hash === '') {
        const id = await repository().getLastOpen().catch(() => null);
        navigate(id ? { view: 'map', id } : { view: 'library' }, { replace: true });
      }
      setReady(true);
    })();
  }, []);

  // Before anything else: it must open even when starting the app fails.
  if (hash === '#/recovery') return <Recovery />;
  if (!ready) return <div className="splash" aria-busy="true">Opening Stakemap…</div>;
  if (hash.startsWith('#/dev/generate')) return <Suspense><DevGenerate hash={hash} /></Suspense>;
  const route = parseRoute(hash);
  return (
    <>
      {route.view === 'map' ? <MapRoute id={route.id} /> : route.view === 'live' ? <Suspense fallback={OPENING_MAP}><LiveRoute room={route.room} token={route.token} /></Suspense> : <Library />}
      <FileDrop />
    </>
  );
}

type LoadState = { state: 'loading' } | { state: 'ready' } | { state: 'missing' } | { state: 'failed'; message: string };

function MapRoute({ id }: { id: string }) {
  const openId = useStakemap((s) => s.mapId);
  const [load, setLoad] = useState<LoadState>(openId === id && editorLoaded() ? { state: 'ready' } : { state: 'loading' });
  // Another map asked for: loading again, unless it is already open (just made, say).
  const [loadFor, setLoadFor] = useState(id);
  if (loadFor !== id) {
    setLoadFor(id);
    if (openId !== id) setLoad({ state: 'loading' });
  }

  useEffect(() => {
    let cancelled = false;
    const failed = (err: unknown): void => {
      if (!cancelled) setLoad({ state: 'failed', message: err instanceof Error ? err.message : String(err) });
    };
    if (useStakemap.getState().mapId === id) {
      // Already open (just made, say): only the editor may still be on its way.
      loadEditor().then(() => !cancelled && setLoad({ state: 'ready' }), failed);
      return () => {
        cancelled = true;
      };
    }
    (async () => {
      await flushSaves();
      const [record] = await Promise.all([repository().get(id), loadEditor()]);
      if (cancelled) return;
      if (!record) {
        setLoad({ state: 'missing' });
        return;
      }
      openStoredMap(record);
      // Storage full, say: the map is open all the same; only the next start may not come back to it.
      await repository().setLastOpen(id).catch(() => undefined);
      if (!cancelled) setLoad({ state: 'ready' });
    })().catch(failed);
    return () => {
      cancelled = true;
    };
  }, [id]);

  if (load.state === 'ready' && openId === id && editorLoaded()) return <LoadedEditor />;
  if (load.state === 'missing' || load.state === 'failed') {
    return (
      <main className="centered-message">
        <h1>{load.state === 'missing' ? 'This map is not in this browser' : 'This map could not be opened'}</h1>
        <p>
          {load.state === 'missing'
            ? 'Maps live in the browser they were drawn in. It may have been deleted, or drawn on another device.'
            : load.message}
        </p>
        <button type="button" className="button primary" onClick={() => navigate({ view: 'library' })}>
          Go to your maps
        </button>
      </main>
    );
  }
  return OPENING_MAP;
}
