// Findings as the canvas shows them: a badge per flagged stakeholder and the
// evidence of the finding being looked at. Equal flags are one object (see
// flagOf), so an edit re-renders only the nodes whose badge it changed.
import { useMemo } from 'react';
import { useStakemap } from '../store';
import { findingKey, findingsFor, useCheckedMap } from '../store/findings';
import type { NodeFlag } from './adapter';
import type { Label } from '../domain';

const RANK = { error: 0, warning: 1, info: 2 } as const;
const NO_FLAGS: ReadonlyMap<string, NodeFlag> = new Map();
const NO_IDS: ReadonlySet<string> = new Set();

const NO_OVERRIDES: ReadonlyMap<string, Label> = new Map();

// A flag is a value (a severity and a count, a handful of each): one object
// per value, kept for the page's life, instead of remembering last render's.
const FLAGS = new Map<string, NodeFlag>();
function flagOf(severity: NodeFlag['severity'], count: number): NodeFlag {
  const key = `${severity}:${count}`;
  let flag = FLAGS.get(key);
  if (!flag) FLAGS.set(key, (flag = { severity, count }));
  return flag;
}

export function useCanvasFlags(): {
  flags: ReadonlyMap<string, NodeFlag>;
  highlighted: ReadonlySet<string>;
  overrides: ReadonlyMap<string, Label>;
} {
  const map = useCheckedMap();
  const hidden = useStakemap((s) => s.findingsHidden);
  const showSuggested = useStakemap((s) => s.showSuggested);
  const active = useStakemap((s) => s.activeFinding);
  // The same array while only positions change (a drag): then nothing below reruns;
  // after an edit, a render behind it (useCheckedMap).
  const findings = map && (!hidden || showSuggested) ? findingsFor(map) : null;

  const flags = useMemo(() => {
    if (!findings || hidden) return NO_FLAGS;
    const next = new Map<string, NodeFlag>();
    for (const f of findings) {
      if (!f.stakeholder) continue;
      const old = next.get(f.stakeholder);
      const severity = old && RANK[old.severity] <= RANK[f.severity] ? old.severity : f.severity;
      next.set(f.stakeholder, flagOf(severity, (old?.count ?? 0) + 1));
    }
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
