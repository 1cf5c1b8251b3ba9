import { useHealth } from '../services/health';

/** Says how safe stored maps are, and where to find every one of them. */
export function StorageFooter() {
  const storage = useHealth((s) => s.storage);
  const persisted = useHealth((s) => s.persisted);
  const line =
    storage === 'memory'
      ? 'Maps are kept in this tab only: this browser does not let Stakemap store them.'
      : persisted === true
        ? 'Maps are kept in this browser until you delete them.'
        : persisted === false
          ? 'Maps are kept in this browser, which may clear them if the disk runs low: download the ones that matter.'
          : 'Maps are kept in this browser.';
  return (
    <footer className="storage-footer">
      <p data-testid="storage-state" data-persisted={persisted === null ? 'unknown' : String(persisted)}>
        {line}
      </p>
      <a href="#/recovery">Recovery: every map stored in this browser</a>
    </footer>
  );
}
