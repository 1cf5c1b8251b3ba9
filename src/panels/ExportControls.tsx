// The top bar's export controls: Export (opens the dialog, loaded on first
// use), Copy PNG, and the notice that reports how an export or copy went (or
// why an edit changed nothing).
import { lazy, Suspense, useEffect } from 'react';
import { ClipboardCopy, Download } from 'lucide-react';
import { closeExportDialog, copyPng, dismissNotice, openExportDialog, useExportUi } from '../services/exportControl';

const ExportDialog = lazy(() => import('./ExportDialog'));

export function ExportControls() {
  const { open, notice } = useExportUi();
  // Leaving the editor (another map opens, the library) closes the dialog.
  useEffect(() => closeExportDialog, []);

  useEffect(() => {
    if (!notice || notice.tone === 'busy') return;
    const t = setTimeout(() => dismissNotice(notice.id), notice.tone === 'error' ? 10_000 : 5_000);
    return () => clearTimeout(t);
  }, [notice]);

  return (
    <>
      <button type="button" className="button icon" onClick={() => copyPng()} aria-label="Copy as PNG" title="Copy as PNG (Shift+Ctrl/⌘+C)">
        <ClipboardCopy size={18} aria-hidden="true" />
      </button>
      <button type="button" className="button" onClick={openExportDialog} title="Export (Ctrl/⌘+E)" aria-haspopup="dialog">
        <Download size={18} aria-hidden="true" /> Export
      </button>
      {open ? (
        <Suspense fallback={<div className="export-loading" role="status">Opening export…</div>}>
          <ExportDialog onClose={closeExportDialog} />
        </Suspense>
      ) : null}
      {notice ? (
        <div className={`toast export-notice is-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="export-notice">
          {notice.text}
          <button type="button" className="button small" onClick={() => dismissNotice(notice.id)}>
            Close
          </button>
        </div>
      ) : null}
    </>
  );
}
