// The screen behind #/dev/generate (see devGenerate.ts): generates, stores and
// opens the map, replacing the dev address so Back does not generate again.
import { useEffect, useState } from 'react';
import { generateMap } from '../domain/generate';
import { repository } from '../services/session';
import { navigate } from '../services/router';
import { parseGenerateRequest } from '../services/devGenerate';

// One map per address, even when an effect runs twice (StrictMode in development).
const created = new Map<string, Promise<string>>();

function createOnce(hash: string): Promise<string> | null {
  const request = parseGenerateRequest(hash);
  if (!request) return null;
  let id = created.get(hash);
  if (!id) {
    id = repository().create(generateMap(request));
    created.set(hash, id);
  }
  return id;
}

export default function DevGenerate({ hash }: { hash: string }) {
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const pending = createOnce(hash);
    if (!pending) return;
    let cancelled = false;
    pending.then((id) => {
      created.delete(hash);
      if (!cancelled) navigate({ view: 'map', id }, { replace: true });
    }).catch((err: unknown) => {
      if (!cancelled) setError(err instanceof Error ? err.message : String(err));
    });
    return () => {
      cancelled = true;
    };
  }, [hash]);

  return error ? (
    <main className="centered-message">
      <h1>The map could not be generated</h1>
      <p>{error}</p>
    </main>
  ) : (
    <div className="splash" aria-busy="true">
      Generating a map…
    </div>
  );
}
