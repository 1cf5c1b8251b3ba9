// The recovery view (#/recovery): every map in this browser's storage, read
// straight from IndexedDB with no store, no session and no schema upgrade, so
// it works even when the app's own state is what is broken. Each map, each
// snapshot and each rescued unsaved edit can be downloaded as a file: through
// the check every stored map goes through (recoveryItems.ts), as a map file
// when it passes, as it is when it does not.
import { useEffect, useMemo, useState } from 'react';
import { Dexie } from 'dexie';
import { DB_NAME, listRescues, loadStoredMapCheck, type ReadStoredMap } from '../persistence';
import { downloadText, mapFileName } from '../services/download';
import { everythingFile, recoveryItem, type EverythingFile, type RecoveryItem } from './recoveryItems';

/** Records as stored, trusted for nothing: any field may be missing or odd. */
interface RawRecord {
  id?: unknown;
  mapId?: unknown;
  title?: unknown;
  reason?: unknown;
  updatedAt?: unknown;
  createdAt?: unknown;
  map?: unknown;
  formatVersion?: unknown;
}

interface Contents {
  maps: RawRecord[];
  snapshots: RawRecord[];
}

type Load = { state: 'loading' } | { state: 'ready'; contents: Contents } | { state: 'failed'; message: string };
/** The check: undefined while it loads, null if it could not (then everything downloads as found). */
type Check = ReadStoredMap | null | undefined;

/** Opens the database as it is on disk (Dexie's dynamic mode): no version, so nothing is upgraded. */
export async function readStoredMaps(name: string = DB_NAME): Promise<Contents> {
  if (!(await Dexie.exists(name))) return { maps: [], snapshots: [] };
  const db = new Dexie(name);
  try {
    await db.open();
    const has = (table: string) => db.tables.some((t) => t.name === table);
    const maps = has('maps') ? await db.table<RawRecord>('maps').toArray() : [];
    const snapshots = has('snapshots') ? await db.table<RawRecord>('snapshots').toArray() : [];
    return { maps, snapshots };
  } finally {
    db.close();
  }
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}

/** A record's key as text: here a string or a number (other IndexedDB keys read as JSON). */
function keyText(value: unknown, fallback: string): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return value === undefined || value === null ? fallback : (JSON.stringify(value) ?? fallback);
}

function when(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value).toLocaleString() : 'unknown time';
}

function download(item: RecoveryItem, title = item.title): void {
  downloadText(item.fileText(), mapFileName(title));
}

function Damaged({ problems }: { problems: readonly string[] | null }) {
  if (!problems) return null;
  return (
    <span className="recovery-meta" title={problems.join('\n')}>
      {' '}
      · damaged, downloads as it is ({problems[0]})
    </span>
  );
}

export function Recovery() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [check, setCheck] = useState<Check>(undefined);
  const [rescues] = useState(() => listRescues());

  useEffect(() => {
    loadStoredMapCheck().then(
      (read) => setCheck(() => read), // a function given to setState would be called as an updater
      () => setCheck(null),
    );
    readStoredMaps()
      .then((contents) => setLoad({ state: 'ready', contents }))
      .catch((err: unknown) => setLoad({ state: 'failed', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }));
  }, []);

  // Maps and unsaved copies are checked up front, to mark the damaged ones; snapshots (there may be hundreds) when downloaded.
  const read = check ?? null;
  const maps = useMemo(
    () => (load.state === 'ready' && check !== undefined ? load.contents.maps.map((r) => recoveryItem(read, r, `Map ${keyText(r.id, '')}`)) : null),
    [load, check, read],
  );
  const unsaved = useMemo(() => (check === undefined ? null : rescues.map(({ mapId, raw }) => recoveryItem(read, raw, mapId))), [rescues, check, read]);

  const [everythingResult, setEverythingResult] = useState<EverythingFile | null>(null);
  const everything = () => {
    const contents = load.state === 'ready' ? load.contents : { maps: [], snapshots: [] };
    const file = everythingFile({
      maps: contents.maps.map((r, i) => ({ label: `Map “${maps?.[i]?.title ?? keyText(r.id, String(i))}”`, value: r })),
      snapshots: contents.snapshots.map((s, i) => ({ label: `Snapshot ${keyText(s.id, String(i))} (${when(s.createdAt)})`, value: s })),
      rescues: rescues.map((r) => ({ label: `Unsaved copy of ${r.mapId}`, value: r })),
    });
    downloadText(file.text, `stakemap-recovery-${new Date().toISOString().slice(0, 10)}.json`);
    setEverythingResult(file);
  };

  return (
    <main className="recovery" data-testid="recovery">
      <h1>Recovery</h1>
      <p>
        Every map stored in this browser, read directly from its storage. Download the ones you need as files: they open again
        with Import, in any browser.
      </p>
      <p>
        <a href="#/">Back to your maps</a> ·{' '}
        <button type="button" className="link-button" onClick={everything}>
          Download everything as one file
        </button>
      </p>
      {everythingResult ? (
        <div role="status" data-testid="everything-result">
          <p>
            Downloaded {everythingResult.written} record{everythingResult.written === 1 ? '' : 's'} in one file.
            {everythingResult.gaps.length === 0 ? ' Every one is in it whole.' : ' Not all of them could be written whole:'}
          </p>
          {everythingResult.gaps.length > 0 ? (
            <ul>
              {everythingResult.gaps.map((gap, i) => (
                <li key={i}>{gap}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {load.state === 'loading' ? <p aria-busy="true">Reading the browser storage…</p> : null}
      {load.state === 'failed' ? (
        <p className="banner is-error" role="alert">
          The browser storage could not be read ({load.message}). Maps may still be in the unsaved copies below.
        </p>
      ) : null}
      {load.state === 'ready' && maps ? (
        <section aria-label="Stored maps">
          <h2 className="section-title">Stored maps ({load.contents.maps.length})</h2>
          {load.contents.maps.length === 0 ? <p>No maps are stored in this browser.</p> : null}
          <ul className="recovery-list">
            {load.contents.maps.map((record, i) => {
              const item = maps[i]!;
              const { title } = item;
              const snapshots = load.contents.snapshots.filter((s) => s.mapId === record.id);
              return (
                <li key={keyText(record.id, String(i))} className="recovery-item">
                  <div>
                    <strong className="recovery-title">{title}</strong>
                    <span className="recovery-meta"> · saved {when(record.updatedAt)}</span>
                    <Damaged problems={item.problems} />
                  </div>
                  <button type="button" className="button small" onClick={() => download(item)} aria-label={`Download ${title}`}>
                    Download
                  </button>
                  {snapshots.length > 0 ? (
                    <details>
                      <summary>{snapshots.length} snapshot{snapshots.length > 1 ? 's' : ''}</summary>
                      <ul>
                        {snapshots.map((s, j) => (
                          <li key={keyText(s.id, String(j))}>
                            {when(s.createdAt)} — {text(s.reason, 'snapshot')}{' '}
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => download(recoveryItem(read, s, title), `${title} (${when(s.createdAt)})`)}
                            >
                              Download
                            </button>
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {unsaved && rescues.length > 0 ? (
        <section aria-label="Unsaved copies">
          <h2 className="section-title">Unsaved changes kept from closed tabs ({rescues.length})</h2>
          <ul className="recovery-list">
            {rescues.map(({ key, raw }, i) => {
              const item = unsaved[i]!;
              const { title } = item;
              const at = typeof raw === 'object' && raw !== null ? (raw as { at?: unknown }).at : undefined;
              return (
                <li key={key} className="recovery-item">
                  <div>
                    <strong className="recovery-title">{title}</strong>
                    <span className="recovery-meta"> · kept {when(at)}</span>
                    <Damaged problems={item.problems} />
                  </div>
                  <button type="button" className="button small" onClick={() => download(item)} aria-label={`Download unsaved ${title}`}>
                    Download
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
