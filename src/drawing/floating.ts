// Geometry of floating edges: a relation leaves and enters each node at the
// point of its border that faces the other end, so maps drawn in any
// direction read cleanly. Pure, so it is unit-tested without a browser.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export function center(b: Box): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Where the segment from the box's centre towards `toward` crosses its border. */
export function borderPoint(b: Box, toward: Point): Point {
  const c = center(b);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : b.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

export interface EdgeGeometry {
  path: string;
  labelX: number;
  labelY: number;
}

/**
 * A straight edge, or a gentle curve bowed sideways by `offset` pixels when
 * several relations join the same two nodes.
 */
export function edgeGeometry(source: Box, target: Box, offset: number): EdgeGeometry {
  const a = center(source);
  const b = center(target);
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  // Perpendicular, scaled so the curve's midpoint sits `offset` px off the line.
  const control = { x: mx - ((b.y - a.y) / len) * offset * 2, y: my + ((b.x - a.x) / len) * offset * 2 };
  const start = borderPoint(source, offset === 0 ? b : control);
  const end = borderPoint(target, offset === 0 ? a : control);
  if (offset === 0) {
    return { path: `M ${start.x},${start.y} L ${end.x},${end.y}`, labelX: (start.x + end.x) / 2, labelY: (start.y + end.y) / 2 };
  }
  const labelX = 0.25 * start.x + 0.5 * control.x + 0.25 * end.x;
  const labelY = 0.25 * start.y + 0.5 * control.y + 0.25 * end.y;
  return { path: `M ${start.x},${start.y} Q ${control.x},${control.y} ${end.x},${end.y}`, labelX, labelY };
}
