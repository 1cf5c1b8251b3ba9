// Editor keyboard shortcuts. Keys typed into a field belong to the field.
import { useEffect } from 'react';
import { actions, useStakemap } from '../store';
import { canvasApi } from '../canvas/canvasApi';
import { runLanesLayout } from '../workshop/layoutAction';
import { isReadOnly, useHealth } from './health';
import { copyPng, openExportDialog } from '../panels/exportControl';

export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: 'N', does: 'Add a stakeholder in the middle of the view' },
  { keys: 'C', does: 'Connect the selected stakeholder to another' },
  { keys: 'L', does: 'Lay the map out as a value chain, left to right' },
  { keys: '?', does: 'Show these shortcuts' },
  { keys: 'Delete / Backspace', does: 'Delete the selection' },
  { keys: 'Ctrl/⌘ + Z', does: 'Undo' },
  { keys: 'Shift + Ctrl/⌘ + Z, Ctrl + Y', does: 'Redo' },
  { keys: 'Ctrl/⌘ + D', does: 'Duplicate the selected stakeholders' },
  { keys: 'Ctrl/⌘ + A', does: 'Select everything' },
  { keys: 'Ctrl/⌘ + E', does: 'Export: PNG, SVG, PowerPoint or map file' },
  { keys: 'Shift + Ctrl/⌘ + C', does: 'Copy the map as PNG' },
  { keys: 'F', does: 'Fit the whole map in view' },
  { keys: 'Escape', does: 'Clear the selection' },
];

const NOT_TEXT = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** Keys pressed in a text field or list belong to it; radios and checkboxes leave them to us. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export function handleShortcut(e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  const state = useStakemap.getState();
  // Presentation has its own keys; dialogs keep theirs; a read-only tab takes no edits.
  if (state.presenting || state.overlay !== 'none' || isReadOnly(useHealth.getState(), state.mapId)) return false;
  if (mod && key === 'z') {
    if (e.shiftKey) state.redo();
    else state.undo();
    return true;
  }
  if (mod && key === 'y') {
    state.redo();
    return true;
  }
  if (isTyping(e.target)) return false;
  if (mod && key === 'd') {
    actions.duplicateSelection();
    return true;
  }
  if (mod && key === 'a') {
    actions.selectAll();
    return true;
  }
  if (mod && key === 'e' && !e.shiftKey) {
    openExportDialog();
    return true;
  }
  if (mod && e.shiftKey && key === 'c') {
    copyPng();
    return true;
  }
  if (mod || e.altKey) return false;
  if (key === 'delete' || key === 'backspace') {
    actions.deleteSelection();
    return true;
  }
  if (key === 'n') {
    const api = canvasApi();
    if (api) actions.addStakeholderAt(api.viewCenter(), 'other', false);
    return true;
  }
  if (key === 'c') {
    if (state.selection.stakeholders.length === 1 || state.selection.organization) state.setOverlay('connect');
    return true;
  }
  if (key === 'l') {
    runLanesLayout().catch(() => undefined);
    return true;
  }
  if (e.key === '?') {
    state.setOverlay('shortcuts');
    return true;
  }
  if (key === 'f') {
    canvasApi()?.fitView();
    return true;
  }
  if (key === 'escape') {
    state.clearSelection();
    state.setKindPick(null);
    return true;
  }
  return false;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Undo inside a text field is the field's own undo.
      if (isTyping(e.target) && (e.ctrlKey || e.metaKey) && ['z', 'y'].includes(e.key.toLowerCase())) return;
      if (handleShortcut(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
