// The region of a large map React Flow is given (region.ts), following the
// view: the store is watched directly, so a pan re-renders nothing until the
// view nears the region's edge.
import { useEffect, useMemo, useState } from 'react';
import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import type { Rect, StakeMap } from '../domain';
import { regionAround, sameShown, serves, shownIn, type Shown } from './region';

/** What of `map` to give React Flow; null (everything) when not `enabled`. */
export function useShown(map: StakeMap, enabled: boolean): Shown | null {
  const flow = useStoreApi();
  const regions = useMemo(() => regionKeeper(), []);
  const [, moved] = useState(0);
  // Worked out while rendering, from the view as it is: the first render near
  // (back from far out) already has its region, rather than the whole map.
  const region = enabled ? regions.for(viewOf(flow.getState())) : null;
  useEffect(() => {
    if (!enabled) return;
    return flow.subscribe((state) => {
      if (!regions.serves(viewOf(state))) moved((n) => n + 1);
    });
  }, [flow, enabled, regions]);
  const shown = useMemo(() => shownKeeper(), []);
  return useMemo(() => (region ? shown(map, region) : null), [shown, map, region]);
}

function viewOf({ transform: [x, y, zoom], width, height }: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): Rect {
  // Before React Flow has measured its pane, a view of some size at least.
  return { x: -x / zoom, y: -y / zoom, width: (width || 1280) / zoom, height: (height || 720) / zoom };
}

/** The last region, kept while it serves the view (region.ts). */
function regionKeeper(): { for: (view: Rect) => Rect; serves: (view: Rect) => boolean } {
  let last: Rect | null = null;
  return {
    for(view) {
      if (!last || !serves(last, view)) last = regionAround(view);
      return last;
    },
    serves: (view) => serves(last, view),
  };
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
