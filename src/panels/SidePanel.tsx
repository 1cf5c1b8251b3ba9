import { useStakemap } from '../store';
import { findingsFor, useCheckedMap } from '../store/findings';
import { Inspector } from './Inspector';
import { FindingsPanel } from './FindingsPanel';

export type SideTab = 'details' | 'findings';

export function SidePanel() {
  const tab = useStakemap((s) => s.sideTab);
  const setTab = useStakemap((s) => s.setSideTab);
  const checked = useCheckedMap();
  const hidden = useStakemap((s) => s.findingsHidden);
  const count = checked && !hidden ? findingsFor(checked).length : null;
  return (
    <aside className="side-panel" aria-label="Details and findings">
      <div className="tabs" role="tablist" aria-label="Side panel">
        <button type="button" role="tab" id="tab-details" aria-controls="panel-details" aria-selected={tab === 'details'} className="tab" onClick={() => setTab('details')}>
          Details
        </button>
        <button type="button" role="tab" id="tab-findings" aria-controls="panel-findings" aria-selected={tab === 'findings'} className="tab" onClick={() => setTab('findings')}>
          Findings{count !== null ? <span className="tab-count">{count}</span> : null}
        </button>
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'details' ? <Inspector /> : <FindingsPanel />}
      </div>
    </aside>
  );
}
