// Findings as the canvas shows them: a badge per flagged stakeholder and the
// evidence of the finding being looked at. Flag objects are reused while
// unchanged so that an edit re-renders only the nodes it touched.
import { useMemo, useRef } from 'react';
import { useStakemap } from '../store';
import { findingKey, findingsFor } from '../store/findings';
import type { NodeFlag } from './adapter';
import type { Label } from '../domain';

const RANK = { error: 0, warning: 1, info: 2 } as const;
const NO_FLAGS: ReadonlyMap<string, NodeFlag> = new Map();
const NO_IDS: ReadonlySet<string> = new Set();

const NO_OVERRIDES: ReadonlyMap<string, Label> = new Map();

export function useCanvasFlags(): {
  flags: ReadonlyMap<string, NodeFlag>;
  highlighted: ReadonlySet<string>;
  overrides: ReadonlyMap<string, Label>;
} {
  const map = useStakemap((s) => s.map);
  const hidden = useStakemap((s) => s.findingsHidden);
  const showSuggested = useStakemap((s) => s.showSuggested);
  const active = useStakemap((s) => s.activeFinding);
  const previous = useRef<ReadonlyMap<string, NodeFlag>>(NO_FLAGS);
  // The same array while only positions change (a drag): then nothing below reruns.
  const findings = map && (!hidden || showSuggested) ? findingsFor(map) : null;

  const flags = useMemo(() => {
    if (!findings || hidden) return NO_FLAGS;
    const next = new Map<string, NodeFlag>();
    for (const f of findings) {
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
  }, [findings, hidden]);

  const highlighted = useMemo(() => {
    if (!findings || hidden || !active) return NO_IDS;
    const finding = findings.find((f) => findingKey(f) === active);
    return finding ? new Set(finding.evidence) : NO_IDS;
  }, [findings, hidden, active]);

  // Presentation's "after" view: each stakeholder shown with the label the rules suggest.
  const overrides = useMemo(() => {
    if (!findings || !showSuggested) return NO_OVERRIDES;
    const next = new Map<string, Label>();
    for (const f of findings) if (f.stakeholder && f.suggestedLabel && !next.has(f.stakeholder)) next.set(f.stakeholder, f.suggestedLabel);
    return next;
  }, [findings, showSuggested]);

  return { flags, highlighted, overrides };
}
