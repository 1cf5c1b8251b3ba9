// Dropping a file anywhere on the window opens it as a new map. Shows where
// to drop while a file is dragged over, that a file is being read, why a
// refused file was refused, and what was changed in a file that opened.
import { useEffect, useState } from 'react';
import { Modal } from '../ui/Modal';
import { clearRefusals, importFiles, useImportState, type Refusal } from '../services/importFlow';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function FileDrop() {
  const [over, setOver] = useState(false);
  const { busy, refusals, repaired } = useImportState();

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setOver(false);
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      void importFiles(Array.from(e.dataTransfer.files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', dragOver);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', dragOver);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <>
      {over ? (
        <div className="file-drop-overlay" aria-hidden="true">
          <div className="file-drop-card">
            <strong>Drop to open as a new map</strong>
            <span>A .stakemap.json file, or a PNG or SVG exported from Stakemap. Your other maps stay as they are.</span>
          </div>
        </div>
      ) : null}
      {busy ? (
        <div className="toast" role="status">
          Opening the file…
        </div>
      ) : null}
      {refusals.length > 0 ? (
        <ImportReport
          title={refusals.length === 1 && repaired.length === 0 ? refusals[0]!.title : `${refusals.length} file${refusals.length === 1 ? '' : 's'} could not be opened`}
          refusals={refusals}
          repaired={repaired}
        />
      ) : repaired.length > 0 ? (
        <ImportReport title={repaired.length === 1 ? repaired[0]!.title : `${repaired.length} files were opened with changes`} refusals={[]} repaired={repaired} />
      ) : null}
    </>
  );
}

function Problems({ list, headings }: { list: readonly Refusal[]; headings: boolean }) {
  return list.map((r, i) => (
    <section key={i}>
      {headings ? <h3>{r.title}</h3> : null}
      <ul className="import-problems">
        {r.problems.map((p, j) => (
          <li key={j}>{p.message}</li>
        ))}
      </ul>
    </section>
  ));
}

function ImportReport({ title, refusals, repaired }: { title: string; refusals: readonly Refusal[]; repaired: readonly Refusal[] }) {
  const headings = refusals.length + repaired.length > 1;
  return (
    <Modal title={title} onClose={clearRefusals} wide>
      <div className="import-refusal" data-testid={refusals.length > 0 ? 'import-refusal' : 'import-repaired'}>
        <Problems list={refusals} headings={headings} />
        {refusals.length > 0 ? <p className="import-unchanged">Nothing was changed: your maps are as they were.</p> : null}
        <Problems list={repaired} headings={headings} />
        {repaired.length > 0 ? (
          <p className="import-unchanged">The map was added to your library with these changes; the file itself is as it was.</p>
        ) : null}
        <div className="import-actions">
          <button type="button" className="button primary" onClick={clearRefusals}>
            OK
          </button>
        </div>
      </div>
    </Modal>
  );
}
