import { useMemo } from 'react';
import { ROLE_INFO } from '../domain';
import { useStakemap } from '../store';
import { analysisFor, findingKey, findingsFor, useCheckedMap } from '../store/findings';
import { FindingCard } from './FindingCard';

/** In the inspector: what the map shows this stakeholder to be, and its findings. */
export function StakeholderFindings({ id }: { id: string }) {
  const map = useCheckedMap();
  const hidden = useStakemap((s) => s.findingsHidden);
  const view = useMemo(() => (map ? analysisFor(map).views.get(id) : undefined), [map, id]);
  const findings = useMemo(() => (map ? findingsFor(map).filter((f) => f.stakeholder === id) : []), [map, id]);
  if (hidden || !view) return null;
  return (
    <div className="field stakeholder-findings">
      <div className="field-label">What the map shows</div>
      <p className="role-line">
        <strong>{ROLE_INFO[view.role].name}</strong> — {ROLE_INFO[view.role].description}
      </p>
      {findings.length > 0 ? (
        <ul className="finding-list">
          {findings.map((f) => (
            <FindingCard key={findingKey(f)} finding={f} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
