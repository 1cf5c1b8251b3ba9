import { memo, useMemo } from 'react';
import { createPortal } from 'react-dom';
import type { Rect, StakeMap } from '../domain';
import { packScene, scenePaths } from './farScene';

interface Props {
  readonly map: StakeMap;
  readonly emphasised: ReadonlySet<string>;
  /** The region React Flow holds, and the relations crossing it from cards outside it (region.ts). */
  readonly region: Rect;
  readonly through: ReadonlySet<string>;
  /** React Flow's edge label layer: inside the viewport, under the cards. */
  readonly host: HTMLElement;
}

const NO_SELECTION: ReadonlySet<string> = new Set();

/**
 * On a large map's detailed view, the relations that cross the region from a
 * card outside it, as plain lines (React Flow draws an edge only between
 * nodes it holds). One SVG in flow coordinates inside React Flow's viewport,
 * a path per kind, its lines 1 px at any zoom: a pan moves it with the cards.
 * Not a <canvas>: a canvas is a layer of its own, and every card and label
 * drawn over it then became a layer too (37 on the 1,000 map at zoom 0.7),
 * sorted, committed and composited on every frame of a pan.
 */
function ThroughLinesView({ map, emphasised, region, through, host }: Props) {
  const paths = useMemo(() => scenePaths(packScene(map, { selected: NO_SELECTION, emphasised, only: through })), [map, emphasised, through]);
  return createPortal(
    <svg
      className="through-lines"
      aria-hidden="true"
      data-testid="through-lines"
      style={{ transform: `translate(${region.x}px, ${region.y}px)`, width: region.width, height: region.height }}
      viewBox={`${region.x} ${region.y} ${region.width} ${region.height}`}
    >
      {paths.map((p) => (
        <path key={`${p.color}${p.width}`} d={p.d} stroke={p.color} strokeWidth={p.width} fill="none" vectorEffect="non-scaling-stroke" />
      ))}
    </svg>,
    host,
  );
}

export const ThroughLines = memo(ThroughLinesView);
