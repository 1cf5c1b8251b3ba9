import { useEffect, useRef } from 'react';
import { Eye, EyeOff } from 'lucide-react';
import { SEVERITIES, type Finding, type Severity, type StakeMap } from '../domain';
import { useStakemap } from '../store';
import { checkOurMap, hideFindings, run } from '../commands';
import { analysisFor, findingKey, findingsFor, useCheckedMap } from '../store/findings';
import { DefinitionPicker } from './DefinitionPicker';
import { FindingCard } from './FindingCard';
import { SeverityIcon, SEVERITY_INFO } from '../ui/severity';

export function FindingsPanel() {
  // Only what the rules see: dragging a node re-renders none of the findings.
  const map = useCheckedMap();
  const hidden = useStakemap((s) => s.findingsHidden);
  if (!map) return null;
  return (
    <section className="findings-panel" aria-label="Findings">
      <DefinitionPicker />
      {hidden ? (
        <div className="reveal-box">
          <p>Findings are hidden while the team draws. When the map is ready, check it together.</p>
          <button type="button" className="button primary large" onClick={() => run(checkOurMap)}>
            <Eye size={18} aria-hidden="true" /> Check our map
          </button>
        </div>
      ) : (
        <FindingList map={map} findings={findingsFor(map)} onHide={() => run(hideFindings)} />
      )}
    </section>
  );
}

function FindingList({ map, findings, onHide }: { map: StakeMap; findings: readonly Finding[]; onHide: () => void }) {
  const groups = SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity)] as [Severity, Finding[]]).filter(([, list]) => list.length > 0);
  const start = useRef<HTMLParagraphElement>(null);
  // Shown (the tab opened, or "Check our map"): the findings come into view, wherever the panel was scrolled.
  useEffect(() => {
    start.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return (
    <>
      <p className="summary-line" data-testid="customer-summary" ref={start}>
        {analysisFor(map).namedSentence}
      </p>
      {groups.length === 0 ? (
        <p className="empty-findings">Nothing to flag: what you call each stakeholder matches what the map shows.</p>
      ) : (
        groups.map(([severity, list]) => (
          <div key={severity} className="finding-group">
            <h3 className={`finding-group-title severity-${severity}`}>
              <SeverityIcon severity={severity} /> {SEVERITY_INFO[severity].group} <span className="count">{list.length}</span>
            </h3>
            <ul className="finding-list">
              {list.map((f) => (
                <FindingCard key={findingKey(f)} finding={f} />
              ))}
            </ul>
          </div>
        ))
      )}
      <button type="button" className="button ghost small" onClick={onHide}>
        <EyeOff size={14} aria-hidden="true" /> Hide findings while the team draws
      </button>
    </>
  );
}
