import { useStakemap } from '../store';

/** A blank map says what to do next. */
export function CanvasEmptyState() {
  const empty = useStakemap((s) => s.map?.stakeholders.length === 0);
  if (!empty) return null;
  return (
    <div className="canvas-empty" role="note">
      <strong>Who do you work with?</strong>
      <span>
        Add stakeholders from the left, double-click the map, or press <kbd>N</kbd>. Then drag from a stakeholder’s dot to another to show what flows.
      </span>
    </div>
  );
}
