// A command: one thing a person can do, with its name, its keys and when it
// applies. Buttons, menus, shortcuts and the presentation all go through
// `run`, which is the one place that refuses edits in a read-only tab and
// freezes a snapshot before a risky change.
import { useStakemap, type StakemapState } from '../store';
import { isReadOnly, useHealth } from '../services/health';
import { takeSnapshot } from '../services/history';

export interface Shortcut {
  /** `KeyboardEvent.key`, lower case. */
  readonly key: string;
  /** Ctrl on Windows and Linux, ⌘ on a Mac. */
  readonly mod?: boolean;
  /** Compared only when given. */
  readonly shift?: boolean;
}

export interface Command<A extends unknown[] = [], R = void> {
  readonly id: string;
  /** What it does, as the shortcut sheet and tooltips say it. */
  readonly label: string;
  readonly keys?: readonly Shortcut[];
  /** Where its keys work: the editor (default) or a presentation. */
  readonly scope?: 'editor' | 'presenting';
  /** Changes the map: refused where this tab may not edit. */
  readonly editsMap?: boolean;
  /** Freezes a snapshot with this reason before it changes the map. */
  readonly snapshot?: string;
  enabled?(state: StakemapState): boolean;
  perform(...args: A): R;
}

export function defineCommand<A extends unknown[] = [], R = void>(command: Command<A, R>): Command<A, R> {
  return command;
}

/** Whether the open map may be changed from this tab now. */
export function canEdit(state: StakemapState = useStakemap.getState()): boolean {
  return state.map !== null && !isReadOnly(useHealth.getState(), state.mapId);
}

export function isEnabled(command: Command<never[], unknown>, state: StakemapState = useStakemap.getState()): boolean {
  if (command.editsMap && !canEdit(state)) return false;
  return command.enabled ? command.enabled(state) : true;
}

let snapshotWrite: Promise<unknown> = Promise.resolve();

/** Runs a command if it applies now; returns what it returned, or undefined when it did not run. */
export function run<A extends unknown[], R>(command: Command<A, R>, ...args: A): R | undefined {
  if (!isEnabled(command)) return undefined;
  // The map is frozen now, before the change; the write finishes in the background.
  if (command.snapshot) snapshotWrite = takeSnapshot(command.snapshot);
  return command.perform(...args);
}

/** Resolves once the last snapshot a command took is written. */
export function snapshotWritten(): Promise<void> {
  return snapshotWrite.then(() => undefined);
}

const KEY_NAMES: Record<string, string> = { delete: 'Delete', backspace: 'Backspace', escape: 'Escape', arrowright: '→', arrowleft: '←', pagedown: 'Page Down', pageup: 'Page Up', ' ': 'Space' };

export function formatShortcut(s: Shortcut): string {
  const parts: string[] = [];
  if (s.shift) parts.push('Shift');
  if (s.mod) parts.push('Ctrl/⌘');
  parts.push(KEY_NAMES[s.key] ?? s.key.toUpperCase());
  return parts.join(' + ');
}

/** "Undo (Ctrl/⌘ + Z)": a button's tooltip, from the command itself. */
export function tooltip(command: Pick<Command<never[], unknown>, 'label' | 'keys'>): string {
  const first = command.keys?.[0];
  return first ? `${command.label} (${formatShortcut(first)})` : command.label;
}
