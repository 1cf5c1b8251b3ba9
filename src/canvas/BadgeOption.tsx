// The canvas control that shows or hides the cards' depth and value badges.
// A view option of this browser, not an edit: no undo step, not in the file.
import { ControlButton } from '@xyflow/react';
import { Tags } from 'lucide-react';
import { setCardBadges } from './badges';

export function BadgeOption({ on }: { on: boolean }) {
  return (
    <ControlButton
      onClick={() => setCardBadges(!on)}
      title={on ? 'Hide depth and value on the cards' : 'Show depth and value on the cards'}
      aria-label="Depth and value on the cards"
      aria-pressed={on}
      className={on ? 'is-on' : undefined}
    >
      <Tags aria-hidden="true" />
    </ControlButton>
  );
}
