import { memo, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from '@xyflow/react';
import type { Relation, StakeMap } from '../domain';
import { useStakemap } from '../store';
import { farLines, idsKey, movedIds, pathOf, zoomStep, type FarLines } from './farEdges';
import { KIND_STYLE } from '../drawing/theme';

const ALL = (): boolean => true;
/** Line width on screen, px. */
const WIDTH = 1.2;

/**
 * Every relation as a plain line, in React Flow's edge label layer (inside
 * the viewport, so it pans and zooms with the map, and under the nodes).
 * During a drag, the relations of the nodes being dragged are drawn apart
 * from the rest, whose paths stay the same (nothing to repaint) until the end.
 */
function FarEdgesView({ map, emphasised, host }: { map: StakeMap; emphasised: ReadonlySet<string>; host: HTMLElement }) {
  const base = useStakemap((s) => s.gestureBase);
  const moved = base ? movedIds(base, map) : null;
  const movedKey = moved && moved.size > 0 ? idsKey(moved) : '';
  const still = base && movedKey ? base : map;
  const touches = useMemo(() => {
    if (!movedKey) return null;
    const ids = new Set(movedKey.split('\u0000'));
    return (r: Relation) => ids.has(r.from) || ids.has(r.to);
  }, [movedKey]);
  const settled = useMemo(() => farLines(still, emphasised, touches ? (r) => !touches(r) : ALL), [still, emphasised, touches]);
  const live = useMemo(() => (touches ? farLines(map, emphasised, touches) : []), [map, emphasised, touches]);
  // About 1.2 px on screen whatever the zoom, in steps: zooming re-renders this a few times, not every frame.
  const width = useStore((s) => WIDTH / zoomStep(s.transform[2]));
  return createPortal(
    <svg className="far-edges" aria-hidden="true" data-testid="far-edges">
      {settled.map((l, i) => (
        <FarPath key={i} lines={l} width={width} />
      ))}
      {live.map((l, i) => (
        <FarPath key={`live${i}`} lines={l} width={width} />
      ))}
    </svg>,
    host,
  );
}

/** One group of lines; without anti-aliasing, which halves the cost of drawing them (they are a sketch at this zoom). */
const FarPath = memo(function FarPath({ lines, width }: { lines: FarLines; width: number }) {
  const d = useMemo(() => pathOf(lines.coords), [lines]);
  return <path d={d} fill="none" stroke={KIND_STYLE[lines.kind].color} strokeWidth={lines.emphasis ? width * 3 : width} shapeRendering="optimizeSpeed" />;
});

export const FarEdges = memo(FarEdgesView);
