// The small part of export that is in the first bundle: whether the export
// dialog is open, a short notice (how an export or a copy went, or why an edit
// changed nothing: a map at the format's limits), and copying a PNG
// to the clipboard. Everything that draws or writes files (src/export) loads
// on first use.
import { useSyncExternalStore } from 'react';
import { useStakemap } from '../store';
import type { ExportOptions } from '../export/options';

export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly tone: 'ok' | 'error' | 'busy';
}

interface ExportUiState {
  readonly open: boolean;
  readonly notice: Notice | null;
}

let state: ExportUiState = { open: false, notice: null };
let nextId = 1;
const listeners = new Set<() => void>();

function set(patch: Partial<ExportUiState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useExportUi(): ExportUiState {
  return useSyncExternalStore(subscribe, () => state);
}

export function openExportDialog(): void {
  if (useStakemap.getState().map) set({ open: true });
}

export function closeExportDialog(): void {
  set({ open: false });
}

export function notify(text: string, tone: Notice['tone'] = 'ok'): void {
  set({ notice: { id: nextId++, text, tone } });
}

/** The notice shown now, if any. */
export function currentNotice(): Notice | null {
  return state.notice;
}

export function dismissNotice(id: number): void {
  if (state.notice?.id === id) set({ notice: null });
}

/**
 * Copies the open map as PNG, with the export choices last used. The
 * clipboard item is made at once, inside the key press or click, with the
 * image still to come: browsers accept that as a user's copy. Without
 * `chosen`, the dialog's remembered choices apply.
 */
export function copyPng(chosen?: ExportOptions): void {
  const { map, selection } = useStakemap.getState();
  if (!map) return;
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    notify('This browser cannot copy images. Use Export to download a PNG instead.', 'error');
    return;
  }
  const started = performance.now();
  const png = Promise.all([import('../export/run'), import('../export/options')]).then(([run, options]) =>
    run.clipboardPng(map, selection, chosen ?? options.loadOptions()),
  );
  notify('Copying the map as PNG…', 'busy');
  navigator.clipboard
    .write([new ClipboardItem({ 'image/png': png })])
    .then(() => notify(`Copied the map as PNG (${((performance.now() - started) / 1000).toFixed(1)} s). Paste it into your slides.`))
    .catch((err: unknown) => notify(`The map could not be copied: ${err instanceof Error ? err.message : String(err)}`, 'error'));
}
