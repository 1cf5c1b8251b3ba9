// A drag is one gesture: previews while the pointer moves, one undo step when
// it ends. The canvas turns React Flow's changes into pure edits (drag.ts).
import type { StakeMap } from '../domain';
import { useStakemap } from '../store';
import { canEdit, defineCommand } from './command';
import { editMap } from './edit';

type Edit = (map: StakeMap) => StakeMap;

export const drag = {
  start(): void {
    if (canEdit()) useStakemap.getState().startGesture();
  },
  preview(edit: Edit): void {
    useStakemap.getState().previewGesture(edit);
  },
  end(edit?: Edit): void {
    useStakemap.getState().endGesture(edit);
  },
};

/** Arrow keys move a focused node without a drag: nudges merge into one step. */
export const nudge = defineCommand({
  id: 'stakeholder.nudge',
  label: 'Move with the arrow keys',
  editsMap: true,
  perform(edit: Edit) {
    editMap(edit, 'nudge');
  },
});
