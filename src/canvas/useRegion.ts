// The region of a large map React Flow is given (region.ts), following the
// view: the store is watched directly, so a pan re-renders nothing until the
// view nears the region's edge.
import { useEffect, useMemo, useState } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { Rect, StakeMap } from '../domain';
import { regionAround, sameShown, serves, shownIn, type Shown } from './region';

/** What of `map` to give React Flow; null (everything) when not `enabled`. */
export function useShown(map: StakeMap, enabled: boolean): Shown | null {
  const flow = useStoreApi();
  const [region, setRegion] = useState<Rect | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const follow = () => {
      const { transform, width, height } = flow.getState();
      const [x, y, zoom] = transform;
      if (!width || !height) return;
      const view = { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
      setRegion((old) => (serves(old, view) ? old : regionAround(view)));
    };
    follow();
    return flow.subscribe(follow);
  }, [flow, enabled]);
  const keeper = useMemo(() => shownKeeper(), []);
  return useMemo(() => (enabled && region ? keeper(map, region) : null), [keeper, map, region, enabled]);
}

/** shownIn, handing back the previous object while it holds the same ids (a drag makes a new map every frame). */
function shownKeeper(): (map: StakeMap, region: Rect) => Shown {
  let last: Shown | null = null;
  return (map, region) => {
    const next = shownIn(map, region);
    if (sameShown(last, next)) return last!;
    last = next;
    return next;
  };
}
