import { lazy, Suspense, useEffect, useState } from 'react';
import { ensureAutosave, flushSaves, mapOpened, recoverUnsaved, repository, startStorage } from './session';
import { navigate, parseRoute, useHash } from './router';
import { SafeEditor } from './SafeEditor';
import { Recovery } from './Recovery';
import { registerServiceWorker } from './pwa';
import { Library } from '../panels/Library';
import { FileDrop } from './FileDrop';
import { useStakemap } from '../store';
import { placeMissing } from '../domain';

// Developers only: #/dev/generate?stakeholders=1000&relations=2000&seed=1 (src/workshop/devGenerate.ts).
const DevGenerate = lazy(() => import('../workshop/DevGenerate'));

export function App() {
  const hash = useHash();
  const [ready, setReady] = useState(false);

  useEffect(() => {
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
      {route.view === 'map' ? <MapRoute id={route.id} /> : <Library />}
      <FileDrop />
    </>
  );
}

type LoadState = { state: 'loading' } | { state: 'ready' } | { state: 'missing' } | { state: 'failed'; message: string };

function MapRoute({ id }: { id: string }) {
  const openId = useStakemap((s) => s.mapId);
  const [load, setLoad] = useState<LoadState>(openId === id ? { state: 'ready' } : { state: 'loading' });

  useEffect(() => {
    if (useStakemap.getState().mapId === id) {
      setLoad({ state: 'ready' });
      return;
    }
    let cancelled = false;
    setLoad({ state: 'loading' });
    (async () => {
      await flushSaves();
      const record = await repository().get(id);
      if (cancelled) return;
      if (!record) {
        setLoad({ state: 'missing' });
        return;
      }
      useStakemap.getState().clearSelection();
      useStakemap.getState().openDocument(id, placeMissing(record.map));
      mapOpened(record);
      await repository().setLastOpen(id);
      if (!cancelled) setLoad({ state: 'ready' });
    })().catch((err: unknown) => {
      if (!cancelled) setLoad({ state: 'failed', message: err instanceof Error ? err.message : String(err) });
    });
    return () => {
      cancelled = true;
    };
  }, [id]);

  if (load.state === 'ready' && openId === id) return <SafeEditor />;
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
  return <div className="splash" aria-busy="true">Opening map…</div>;
}
