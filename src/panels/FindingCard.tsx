import { useState } from 'react';
import { Tag } from 'lucide-react';
import type { Finding } from '../domain';
import { useStakemap } from '../store';
import { relabelFromFinding, run } from '../commands';
import { findingKey } from '../store/findings';
import { LABEL_STYLE } from '../drawing/theme';
import { SeverityIcon, SEVERITY_INFO } from '../ui/severity';

/** One finding: what the map shows, why it matters, and the one-click fix. */
export function FindingCard({ finding }: { finding: Finding }) {
  const key = findingKey(finding);
  const active = useStakemap((s) => s.activeFinding === key);
  const [showWhy, setShowWhy] = useState(false);
  const look = () => {
    const state = useStakemap.getState();
    state.setActiveFinding(active ? null : key);
    if (finding.stakeholder && !active) {
      state.select({ stakeholders: [finding.stakeholder] });
      state.requestFocus(finding.stakeholder);
    }
  };
  return (
    <li className={`finding severity-${finding.severity}${active ? ' is-active' : ''}`} data-rule={finding.rule}>
      <button type="button" className="finding-main" onClick={look} aria-pressed={active}>
        <SeverityIcon severity={finding.severity} />
        <span className="visually-hidden">{SEVERITY_INFO[finding.severity].title}: </span>
        <span className="finding-message">{finding.message}</span>
      </button>
      <div className="finding-actions">
        <button type="button" className="link-button" aria-expanded={showWhy} onClick={() => setShowWhy(!showWhy)}>
          {showWhy ? 'Hide why' : 'Why?'}
        </button>
        {finding.suggestedLabel && finding.stakeholder ? (
          <button
            type="button"
            className="button small"
            onClick={() => {
              run(relabelFromFinding, finding.stakeholder!, finding.suggestedLabel!);
            }}
          >
            <Tag size={14} aria-hidden="true" /> Relabel as {LABEL_STYLE[finding.suggestedLabel].title.toLowerCase()}
          </button>
        ) : null}
      </div>
      {showWhy ? <p className="finding-why">{finding.why}</p> : null}
    </li>
  );
}
