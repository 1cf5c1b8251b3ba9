import { lazy, Suspense, useState } from 'react';
import { Compass, Plus } from 'lucide-react';
import { createAndOpen } from '../services/createMap';
import { EXAMPLES, loadExample } from './examples';

// Loaded when asked for.
const GuidedStart = lazy(() => import('./GuidedStart').then((m) => ({ default: m.GuidedStart })));

/** What a newcomer sees first: what Stakemap is for, and three ways to begin. */
export function StartPanel({ onBlank, compact }: { onBlank: () => void; compact: boolean }) {
  const [guided, setGuided] = useState(false);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const openExample = async (id: string) => {
    setOpening(id);
    setError(null);
    try {
      await createAndOpen(await loadExample(id));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setOpening(null);
    }
  };

  return (
    <section className="start-panel" aria-labelledby="start-title">
      {compact ? null : (
        <div className="start-intro">
          <h2 id="start-title">Who is your customer?</h2>
          <p>
            Teams call distributors, advisors on commission and even colleagues “customers”. Draw your organization, everyone around it and what
            flows between you — the offering, money, advice — and Stakemap shows who your customer really is.
          </p>
        </div>
      )}
      <div className="start-actions">
        <button type="button" className="start-card primary" onClick={() => setGuided(true)}>
          <Compass size={22} aria-hidden="true" />
          <strong>Guided start</strong>
          <span>Answer seven short questions; get a first map to discuss.</span>
        </button>
        <button type="button" className="start-card" onClick={onBlank}>
          <Plus size={22} aria-hidden="true" />
          <strong>Blank map</strong>
          <span>Start from your organization and draw freely.</span>
        </button>
      </div>
      <h3 className="section-title" id={compact ? 'start-title' : undefined}>
        Start from an example
      </h3>
      {error ? (
        <div className="banner is-error" role="alert">
          {error}
        </div>
      ) : null}
      <ul className="example-grid">
        {EXAMPLES.map((e) => (
          <li key={e.id}>
            <button type="button" className="example-card" onClick={() => void openExample(e.id)} disabled={opening !== null} aria-busy={opening === e.id}>
              <strong>{e.title}</strong>
              <span>{e.story}</span>
              <span className="example-open">{opening === e.id ? 'Opening…' : 'Open a copy'}</span>
            </button>
          </li>
        ))}
      </ul>
      {guided ? (
        <Suspense>
          <GuidedStart onClose={() => setGuided(false)} />
        </Suspense>
      ) : null}
    </section>
  );
}
