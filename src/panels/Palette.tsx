import { LABELS } from '../domain';
import { addStakeholderInView, run } from '../commands';
import { PALETTE_MIME } from '../ui/dnd';
import { LabelIcon } from '../ui/icons';
import { LABEL_STYLE } from '../drawing/theme';

/** Click to add in the middle of the view, or drag onto the map. */
export function Palette() {
  return (
    <nav className="palette" aria-label="Add a stakeholder">
      <div className="palette-title">Add</div>
      {LABELS.map((label) => (
        <button
          key={label}
          type="button"
          className="palette-item"
          draggable
          onDragStart={(e) => {
            e.dataTransfer.setData(PALETTE_MIME, label);
            e.dataTransfer.effectAllowed = 'copy';
          }}
          onClick={() => run(addStakeholderInView, label)}
          aria-label={`Add ${LABEL_STYLE[label].title.toLowerCase()}`}
          title={`Add ${LABEL_STYLE[label].title.toLowerCase()} (or drag onto the map)`}
          style={{ color: LABEL_STYLE[label].color }}
        >
          <LabelIcon label={label} size={20} />
          <span>{LABEL_STYLE[label].title}</span>
        </button>
      ))}
      <p className="palette-hint">
        Or double-click the map, or press <kbd>N</kbd>.
      </p>
    </nav>
  );
}
