// "Import a map": opens a .stakemap.json, or a PNG or SVG exported from
// Stakemap, as a new map (see src/app/importFlow.ts).
import { useRef } from 'react';
import { Upload } from 'lucide-react';
import { importFiles, useImportState } from '../services/importFlow';

export const IMPORT_ACCEPT = '.json,.stakemap.json,application/json,.png,image/png,.svg,image/svg+xml';

export function ImportButton({ className = 'button large' }: { className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const { busy } = useImportState();
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()} disabled={busy} title="Open a .stakemap.json file, or a PNG or SVG exported from Stakemap">
        <Upload size={18} aria-hidden="true" /> Import a map
      </button>
      <input
        ref={input}
        type="file"
        accept={IMPORT_ACCEPT}
        multiple
        hidden
        aria-label="Map file to import"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void importFiles(files);
        }}
      />
    </>
  );
}
