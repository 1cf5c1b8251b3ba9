// Where the view goes when asked: to a stakeholder (search, a finding's
// "show me", a presented finding) and back to the whole map after presenting.
import { useEffect, useRef, type RefObject } from 'react';
import type { ReactFlowInstance } from '@xyflow/react';
import { useStakemap } from '../store';
import { focusOnFinding } from './viewFit';
import type { CanvasNode, RelationEdge } from './adapter';

export function useViewRequests(
  rf: ReactFlowInstance<CanvasNode, RelationEdge>,
  wrapper: RefObject<HTMLDivElement | null>,
  presenting: boolean,
  fitWhole: () => void,
  highlightedRef: RefObject<ReadonlySet<string>>,
): void {
  const focusRequest = useStakemap((s) => s.focusRequest);
  // Back from presenting (zoomed in on the last finding): the whole map again, once the chrome is back.
  const wasPresenting = useRef(presenting);
  useEffect(() => {
    const back = wasPresenting.current && !presenting;
    wasPresenting.current = presenting;
    if (!back) return;
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(fitWhole)));
    return () => cancelAnimationFrame(frame);
  }, [presenting, fitWhole]);

  useEffect(() => {
    if (!focusRequest) return;
    // A frame later: the canvas may have just changed size (presentation mode).
    const frame = requestAnimationFrame(() => {
      // Presenting: the finding's stakeholder centred in what the bar leaves of the screen, its evidence around it.
      const box = wrapper.current?.getBoundingClientRect();
      const current = useStakemap.getState().map;
      if (presenting && box && current) {
        focusOnFinding(rf, current, focusRequest.id, highlightedRef.current, box);
        return;
      }
      const node = rf.getInternalNode(focusRequest.id);
      if (!node) return;
      const w = node.measured.width ?? 0;
      const h = node.measured.height ?? 0;
      void rf.setCenter(node.internals.positionAbsolute.x + w / 2, node.internals.positionAbsolute.y + h / 2, {
        zoom: Math.max(rf.getZoom(), presenting ? 1.3 : 1),
        duration: 400,
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, rf, presenting, wrapper, highlightedRef]);
}
