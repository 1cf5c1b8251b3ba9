// #/live/ROOM: joining a live room. Asks for a display name once (remembered),
// then opens the room's map in the editor. The page never blocks on the
// network: offline, the map this device kept opens and syncs later.
import { useEffect, useState, type FormEvent } from 'react';
import { enterRoom, rememberName, rememberedName, setSyncUrl, syncUrl, useLive } from '../services/live';
import { navigate } from '../services/router';
import { useStakemap } from '../store';
import { editorLoaded, loadEditor, LoadedEditor } from './editorChunk';

type Phase = { state: 'name' } | { state: 'joining' } | { state: 'ready' } | { state: 'empty' } | { state: 'failed'; message: string };

export function LiveRoute({ room, token }: { room: string; token: string | null }) {
  const [name, setName] = useState(rememberedName());
  const [address, setAddress] = useState(syncUrl());
  const [phase, setPhase] = useState<Phase>(name ? { state: 'joining' } : { state: 'name' });
  const liveMapId = useLive((s) => s.mapId);
  const openId = useStakemap((s) => s.mapId);
  const status = useLive((s) => s.status);
  const message = useLive((s) => s.statusMessage);

  useEffect(() => {
    if (phase.state !== 'joining') return;
    let cancelled = false;
    Promise.all([enterRoom(room, token, rememberedName()), loadEditor()])
      .then(([result]) => !cancelled && setPhase({ state: result }))
      .catch((err: unknown) => !cancelled && setPhase({ state: 'failed', message: err instanceof Error ? err.message : String(err) }));
    return () => {
      cancelled = true;
    };
  }, [phase.state, room, token]);

  const join = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return;
    rememberName(name);
    if (address !== syncUrl()) setSyncUrl(address);
    setPhase({ state: 'joining' });
  };

  if (phase.state === 'ready' && editorLoaded() && liveMapId && openId === liveMapId) return <LoadedEditor />;
  if (phase.state === 'name') {
    return (
      <main className="centered-message">
        <h1>Join the live map</h1>
        <form onSubmit={join} className="join-form">
          <label className="field-label" htmlFor="display-name">Your name, as the room sees it</label>
          <input id="display-name" value={name} maxLength={40} autoFocus onChange={(e) => setName(e.target.value)} />
          <details className="share-advanced">
            <summary>Sync address</summary>
            <p className="wizard-hint">Where the room runs. Leave it as it is unless the facilitator gave you another address.</p>
            <input aria-label="Sync address" value={address} onChange={(e) => setAddress(e.target.value)} />
          </details>
          <button type="submit" className="button primary" disabled={name.trim() === ''}>
            Join
          </button>
        </form>
      </main>
    );
  }
  if (phase.state === 'empty' || phase.state === 'failed') {
    return (
      <main className="centered-message">
        <h1>{phase.state === 'empty' ? 'This room has no map' : 'The room could not be opened'}</h1>
        <p>{phase.state === 'empty' ? 'The link may be mistyped, or the room was never started. Ask the facilitator for the link again.' : phase.message}</p>
        <button type="button" className="button primary" onClick={() => navigate({ view: 'library' })}>
          Go to your maps
        </button>
      </main>
    );
  }
  return (
    <div className="splash" aria-busy="true">
      {status === 'refused' ? `The room refused to let this browser in${message ? `: ${message}` : ''}.` : status === 'offline' ? 'Waiting for the room: offline, still trying…' : 'Joining the room…'}
    </div>
  );
}
