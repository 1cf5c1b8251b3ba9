import { useState } from 'react';
import { isolateText, ORG_ID, type StakeMap } from '../domain';
import { useStakemap } from '../store';
import { connectStakeholders, run } from '../commands';
import { KIND_STYLE } from '../drawing/theme';
import { Modal } from '../ui/Modal';

/** Connecting without a mouse: from the selected stakeholder to one picked here. */
export function ConnectDialog() {
  const open = useStakemap((s) => s.overlay === 'connect');
  const map = useStakemap((s) => (s.overlay === 'connect' ? s.map : null));
  const from = useStakemap((s) => (s.selection.organization ? ORG_ID : s.selection.stakeholders[0]));
  if (!open || !map || !from) return null;
  // Mounted afresh each time it opens: the search starts empty.
  return <ConnectBox map={map} from={from} />;
}

function ConnectBox({ map, from }: { map: StakeMap; from: string }) {
  const [filter, setFilter] = useState('');
  const close = () => useStakemap.getState().setOverlay('none');
  const fromName = from === ORG_ID ? map.organization.name : map.stakeholders.find((s) => s.id === from)?.name;
  const wanted = filter.trim().toLocaleLowerCase();
  const parties = [{ id: ORG_ID, name: map.organization.name, us: true }, ...map.stakeholders].filter(
    (p) => p.id !== from && `${p.name}${'us' in p ? ' (us)' : ''}`.toLocaleLowerCase().includes(wanted),
  );
  const pick = (to: string) => {
    close();
    const box = document.querySelector('.canvas')?.getBoundingClientRect();
    run(connectStakeholders, from, to, box ? { x: box.width / 2 - 150, y: box.height / 3 } : undefined);
  };
  const only = parties.length === 1 ? parties[0]! : null;
  return (
    <Modal title={`Connect ${isolateText(fromName ?? '')} to…`} onClose={close}>
      <label className="field">
        <span className="field-label">Find a stakeholder</span>
        <input
          type="text"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && only) {
              e.preventDefault();
              pick(only.id);
            }
          }}
          aria-describedby="connect-status"
        />
      </label>
      <p id="connect-status" className="connect-status" role="status">
        {parties.length === 0 ? `No match for “${isolateText(filter.trim())}”.` : only && wanted ? `Enter connects to ${isolateText(only.name)}.` : ''}
      </p>
      {parties.length > 0 ? (
        <ul className="connect-list">
          {parties.map((p) => (
            <li key={p.id}>
              <button type="button" className="button" onClick={() => pick(p.id)}>
                <bdi className="map-text">{p.name}</bdi>
                {'us' in p ? ' (us)' : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="wizard-hint">The relation starts as {KIND_STYLE.offering.title.toLowerCase()}; pick what flows next.</p>
    </Modal>
  );
}
