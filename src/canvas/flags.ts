// Findings as the canvas shows them: a badge per flagged stakeholder and the
// evidence of the finding being looked at. Flag objects are reused while
// unchanged so that an edit re-renders only the nodes it touched.
import { useMemo, useRef } from 'react';
import { useStakemap } from '../store';
import { findingKey, findingsFor } from '../store/findings';
import type { NodeFlag } from './adapter';

const RANK = { error: 0, warning: 1, info: 2 } as const;
const NO_FLAGS: ReadonlyMap<string, NodeFlag> = new Map();
const NO_IDS: ReadonlySet<string> = new Set();

export function useCanvasFlags(): { flags: ReadonlyMap<string, NodeFlag>; highlighted: ReadonlySet<string> } {
  const map = useStakemap((s) => s.map);
  const hidden = useStakemap((s) => s.findingsHidden);
  const active = useStakemap((s) => s.activeFinding);
  const previous = useRef<ReadonlyMap<string, NodeFlag>>(NO_FLAGS);

  const flags = useMemo(() => {
    if (!map || hidden) return NO_FLAGS;
    const next = new Map<string, NodeFlag>();
    for (const f of findingsFor(map)) {
      if (!f.stakeholder) continue;
      const old = next.get(f.stakeholder);
      const severity = old && RANK[old.severity] <= RANK[f.severity] ? old.severity : f.severity;
      next.set(f.stakeholder, { severity, count: (old?.count ?? 0) + 1 });
    }
    for (const [id, flag] of next) {
      const prior = previous.current.get(id);
      if (prior && prior.severity === flag.severity && prior.count === flag.count) next.set(id, prior);
    }
    previous.current = next;
    return next;
  }, [map, hidden]);

  const highlighted = useMemo(() => {
    if (!map || hidden || !active) return NO_IDS;
    const finding = findingsFor(map).find((f) => findingKey(f) === active);
    return finding ? new Set(finding.evidence) : NO_IDS;
  }, [map, hidden, active]);

  return { flags, highlighted };
}
