// The lanes layout as one undoable step. ELK loads (and runs, in a worker)
// only when first asked for.
import { useStakemap } from '../store';
import { canvasApi } from '../canvas/canvasApi';
import { takeSnapshot } from '../app/history';

export async function runLanesLayout(): Promise<void> {
  const map = useStakemap.getState().map;
  if (!map) return;
  const { computeLanes, applyLayout } = await import('../layout/run');
  const result = await computeLanes(map);
  await takeSnapshot('Before a lanes layout');
  useStakemap.getState().apply((m) => applyLayout(m, result));
  // Let React Flow place the nodes before fitting them into view.
  requestAnimationFrame(() => canvasApi()?.fitView());
}

export async function cancelLanesLayout(): Promise<void> {
  const { cancelLayout } = await import('../layout/run');
  cancelLayout();
}
