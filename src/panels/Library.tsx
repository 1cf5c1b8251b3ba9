import { useCallback, useEffect, useState } from 'react';
import { Copy, Pencil, Plus, Trash2 } from 'lucide-react';
import type { StakeMap } from '../domain';
import type { DeletedMap, MapSummary } from '../persistence';
import { classifyStorageError } from '../persistence';
import { flushSaves, repository } from '../services/session';
import { useStakemap } from '../store';
import { navigate } from '../services/router';
import { TextField } from '../ui/fields';
import { LIMITS } from '../domain';
import { StartPanel } from '../workshop/StartPanel';
import { StorageFooter } from './StorageFooter';
import { ImportButton } from './ImportButton';

export const BLANK_MAP: StakeMap = {
  title: 'Untitled map',
  organization: { name: 'Our organization', position: { x: 0, y: 0 } },
  stakeholders: [],
  relations: [],
};

function ago(ms: number): string {
  const s = Math.round((Date.now() - ms) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(ms).toLocaleDateString();
}

export function Library() {
  const [maps, setMaps] = useState<MapSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<DeletedMap | null>(null);

  const guard = useCallback(async (work: () => Promise<void>) => {
    try {
      setError(null);
      await work();
    } catch (err) {
      setError(classifyStorageError(err).message);
    }
  }, []);
  const reload = useCallback(() => guard(async () => setMaps(await repository().list())), [guard]);

  useEffect(() => {
    // The library edits stored maps directly: close the open one first so a
    // stale copy in memory can never be written over them.
    void flushSaves()
      .then(() => useStakemap.getState().closeDocument())
      .then(reload);
  }, [reload]);

  useEffect(() => {
    if (!deleted) return;
    const t = setTimeout(() => setDeleted(null), 10_000);
    return () => clearTimeout(t);
  }, [deleted]);

  const create = () =>
    guard(async () => {
      const id = await repository().create(BLANK_MAP);
      navigate({ view: 'map', id });
    });

  return (
    <div className="library">
      <header className="library-header">
        <div>
          <h1 className="brand-title">Stakemap</h1>
          <p className="tagline">Draw who you work with, and see who your customer really is.</p>
        </div>
        <div className="library-actions">
          <ImportButton />
          <button type="button" className="button primary large" onClick={() => void create()}>
            <Plus size={18} aria-hidden="true" /> New map
          </button>
        </div>
      </header>
      {error ? (
        <div className="banner is-error" role="alert">
          {error}
        </div>
      ) : null}
      <main>
        {/* Newcomers see how to begin first; returning teams see their maps first. */}
        {maps !== null && maps.length === 0 ? <StartPanel onBlank={() => void create()} compact={false} /> : null}
        <h2 className="section-title">Your maps</h2>
        {maps === null ? (
          <p aria-busy="true">Loading your maps…</p>
        ) : maps.length === 0 ? (
          <div className="empty-state">
            <p>No maps yet. Your maps are kept in this browser; start one above.</p>
          </div>
        ) : (
          <ul className="map-grid">
            {maps.map((m) => (
              <li key={m.id} className="map-card">
                {renaming === m.id ? (
                  <TextField
                    label="New title"
                    value={m.title}
                    required
                    maxLength={LIMITS.title}
                    onCommit={(title) => void guard(() => repository().rename(m.id, title)).then(reload)}
                  />
                ) : (
                  <a className="map-card-open" href={`#/map/${encodeURIComponent(m.id)}`}>
                    <span className="map-card-title">{m.title}</span>
                    <span className="map-card-meta">
                      {/* A damaged map stays listed, so it can be deleted; opening it says what is wrong. */}
                      {m.problems ? 'Damaged: cannot be opened' : `${m.stakeholderCount} stakeholders`} · edited {ago(m.updatedAt)}
                    </span>
                  </a>
                )}
                <div className="map-card-actions">
                  <button
                    type="button"
                    className="button icon"
                    aria-label={renaming === m.id ? `Done renaming ${m.title}` : `Rename ${m.title}`}
                    onClick={() => setRenaming(renaming === m.id ? null : m.id)}
                  >
                    <Pencil size={16} aria-hidden="true" />
                  </button>
                  <button type="button" className="button icon" aria-label={`Duplicate ${m.title}`} onClick={() => void guard(() => repository().duplicate(m.id).then(() => undefined)).then(reload)}>
                    <Copy size={16} aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    className="button icon danger"
                    aria-label={`Delete ${m.title}`}
                    onClick={() =>
                      void guard(async () => {
                        const gone = await repository().delete(m.id);
                        if (gone) setDeleted(gone);
                      }).then(reload)
                    }
                  >
                    <Trash2 size={16} aria-hidden="true" />
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {maps !== null && maps.length > 0 ? <StartPanel onBlank={() => void create()} compact /> : null}
      </main>
      <StorageFooter />
      {deleted ? (
        <div className="toast" role="status">
          Deleted “{deleted.title}”.
          <button type="button" className="button" onClick={() => void guard(() => repository().restore(deleted)).then(() => setDeleted(null)).then(reload)}>
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );
}
