import { KINDS, LABELS } from '../domain';
import { LabelIcon } from '../ui/icons';
import { KIND_STYLE, LABEL_STYLE } from '../drawing/theme';
import { useStakemap } from '../store';

/** What each colour, icon and line means; a toggle on the canvas, always there. */
export function Legend() {
  const open = useStakemap((s) => s.legendOpen);
  const setOpen = useStakemap((s) => s.setLegendOpen);
  return (
    <div className={`legend${open ? ' is-open' : ''}`}>
      <button type="button" className="button small legend-toggle" aria-expanded={open} aria-controls="legend-body" onClick={() => setOpen(!open)}>
        Legend
      </button>
      {open ? (
        <div id="legend-body" className="legend-body">
          <div>
            <h3>What the team calls them</h3>
            <ul>
              {LABELS.map((l) => (
                <li key={l} style={{ color: LABEL_STYLE[l].color }}>
                  <LabelIcon label={l} size={15} /> <span>{LABEL_STYLE[l].title}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3>What flows</h3>
            <ul>
              {KINDS.map((k) => (
                <li key={k}>
                  <svg width="34" height="10" aria-hidden="true">
                    <line x1="0" y1="5" x2="34" y2="5" stroke={KIND_STYLE[k].color} strokeWidth={2.4} strokeDasharray={KIND_STYLE[k].dash} />
                  </svg>
                  <span>
                    {KIND_STYLE[k].title} <em>({KIND_STYLE[k].verb})</em>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </div>
  );
}
