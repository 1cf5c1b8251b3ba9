// Every command with keys, in the order the shortcut sheet lists them.
import type { Command } from './command';
import { addStakeholderInView, deleteSelection, duplicateSelection } from './stakeholders';
import { layOutLanes, redo, undo } from './document';
import {
  clearSelection,
  copyAsPng,
  fitView,
  nextFinding,
  openConnect,
  openExport,
  previousFinding,
  selectAll,
  showShortcuts,
  stopPresenting,
  toggleBeforeAfter,
} from './view';

export const COMMANDS: readonly Command<never[], unknown>[] = [
  addStakeholderInView,
  openConnect,
  layOutLanes,
  showShortcuts,
  deleteSelection,
  undo,
  redo,
  duplicateSelection,
  selectAll,
  openExport,
  copyAsPng,
  fitView,
  clearSelection,
  nextFinding,
  previousFinding,
  toggleBeforeAfter,
  stopPresenting,
] as readonly Command<never[], unknown>[];
