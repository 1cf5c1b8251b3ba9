// Keyboard shortcuts, read from the commands themselves: the shortcut sheet
// and the handler cannot drift apart. Keys typed into a field belong to it.
import { useStakemap } from '../store';
import { run, type Command, type Shortcut } from './command';
import { COMMANDS } from './registry';

const NOT_TEXT = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** Keys pressed in a text field or list belong to it; radios and checkboxes leave them to us. */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

export function matches(shortcut: Shortcut, e: KeyPress): boolean {
  if (e.key.toLowerCase() !== shortcut.key || e.altKey) return false;
  if (Boolean(shortcut.mod) !== (e.ctrlKey || e.metaKey)) return false;
  return shortcut.shift === undefined || shortcut.shift === e.shiftKey;
}

/** The command a key press asks for here and now, if any. */
export function commandForKey(e: KeyPress): Command<[], unknown> | null {
  const state = useStakemap.getState();
  // Dialogs keep their keys; text fields keep theirs, undo included.
  if (state.overlay !== 'none' || isTyping(e.target)) return null;
  const scope = state.presenting ? 'presenting' : 'editor';
  for (const command of COMMANDS) {
    if ((command.scope ?? 'editor') !== scope || !command.keys) continue;
    if (command.keys.some((k) => matches(k, e))) return command;
  }
  return null;
}

/** Runs the command for a key press; true when the key was a shortcut here. */
export function handleShortcut(e: KeyPress): boolean {
  const command = commandForKey(e);
  if (!command) return false;
  run(command);
  return true;
}
