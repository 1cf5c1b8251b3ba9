import { memo, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from '@xyflow/react';
import type { Relation, StakeMap } from '../domain';
import { useStakemap } from '../store';
import { farEdgePaths, idsKey, movedIds, type FarPath } from './farEdges';
import { KIND_STYLE } from './theme';

const ALL = (): boolean => true;

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
  const settled = useMemo(() => farEdgePaths(still, emphasised, touches ? (r) => !touches(r) : ALL), [still, emphasised, touches]);
  const live = useMemo(() => (touches ? farEdgePaths(map, emphasised, touches) : []), [map, emphasised, touches]);
  // About 1.2 px on screen whatever the zoom (in steps, so zooming rarely re-renders).
  const width = useStore((s) => Math.round(12 / s.transform[2]) / 10);
  return createPortal(
    <svg className="far-edges" aria-hidden="true" data-testid="far-edges">
      {settled.map((p) => (
        <FarLine key={`s${p.kind}${p.emphasis ? '!' : ''}`} path={p} width={width} />
      ))}
      {live.map((p) => (
        <FarLine key={`l${p.kind}${p.emphasis ? '!' : ''}`} path={p} width={width} />
      ))}
    </svg>,
    host,
  );
}

const FarLine = memo(function FarLine({ path, width }: { path: FarPath; width: number }) {
  return <path d={path.d} fill="none" stroke={KIND_STYLE[path.kind].color} strokeWidth={path.emphasis ? width * 3 : width} strokeLinecap="round" />;
});

export const FarEdges = memo(FarEdgesView);
