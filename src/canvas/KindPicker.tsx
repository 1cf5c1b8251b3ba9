import { useEffect, useRef } from 'react';
import { KINDS } from '../domain';
import { useStakemap } from '../store';
import { changeRelation, run } from '../commands';
import { KIND_STYLE } from '../drawing/theme';

/** Appears where a relation was just drawn: what flows along it? Offering is already chosen. */
export function KindPicker() {
  const pick = useStakemap((s) => s.kindPick);
  const current = useStakemap((s) => s.map?.relations.find((r) => r.id === s.kindPick?.relationId)?.kind);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (pick) first.current?.focus();
  }, [pick]);

  if (!pick || !current) return null;
  const close = () => useStakemap.getState().setKindPick(null);
  return (
    <div
      className="kind-picker"
      role="dialog"
      aria-label="What flows along this relation?"
      style={{ left: pick.x, top: pick.y }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="kind-picker-title">What flows?</div>
      <div className="kind-picker-grid">
        {KINDS.map((kind, i) => (
          <button
            key={kind}
            ref={i === 0 ? first : undefined}
            type="button"
            className={`kind-choice${kind === current ? ' is-current' : ''}`}
            aria-pressed={kind === current}
            onClick={() => {
              run(changeRelation, pick.relationId, { kind });
              close();
            }}
          >
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="28" y2="4" stroke={KIND_STYLE[kind].color} strokeWidth={2.4} strokeDasharray={KIND_STYLE[kind].dash} />
            </svg>
            {KIND_STYLE[kind].title}
          </button>
        ))}
      </div>
    </div>
  );
}
