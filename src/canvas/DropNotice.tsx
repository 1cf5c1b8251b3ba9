import { useEffect } from 'react';
import { ORG_ID, type Side, type StakeMap } from '../domain';
import { run, undo } from '../commands';
import { useStakemap } from '../store';

/** A drop that changed sides: who moved, the map it left, and when. */
export interface Crossing {
  readonly crossed: readonly { readonly id: string; readonly side: Side }[];
  readonly map: StakeMap;
  readonly at: number;
}

const SHOWN_MS = 8000;

/**
 * A drop across the organization's boundary changes who is inside, and with
 * it the findings: a short notice says so, with Undo. It goes away by itself,
 * or as soon as the map changes again.
 */
export function DropNotice({ crossing, onClose }: { crossing: Crossing; onClose: () => void }) {
  const stale = useStakemap((s) => s.map !== crossing.map);
  useEffect(() => {
    const timer = setTimeout(onClose, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [crossing, onClose]);
  useEffect(() => {
    if (stale) onClose();
  }, [stale, onClose]);
  if (stale) return null;
  const org = crossing.map.organization.name;
  const names = crossing.crossed.map(({ id }) => (id === ORG_ID ? org : (crossing.map.stakeholders.find((s) => s.id === id)?.name ?? id)));
  const side = crossing.crossed[0]!.side;
  const who = names.length === 1 ? names[0] : `${names.length} stakeholders`;
  return (
    <div className="toast drop-notice" role="status" data-testid="drop-notice">
      <span>
        {who} {names.length === 1 ? 'is' : 'are'} now {side === 'internal' ? 'inside' : 'outside'} {org}.
      </span>
      <button
        type="button"
        className="button small"
        onClick={() => {
          run(undo);
          onClose();
        }}
      >
        Undo
      </button>
    </div>
  );
}
