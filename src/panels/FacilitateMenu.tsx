import { useEffect, useRef, useState, type ComponentType } from 'react';
import { openComparison, run } from '../commands';
import { ComparisonScreen } from './ComparisonScreen';
import { VOTE_ITEM, VoteScreens } from '../workshop/votes/VoteScreens';
import { ChevronDown, FileText, GitCompareArrows, Timer, Users, type LucideProps } from 'lucide-react';
import { TimerScreen } from '../workshop/Timer';
import { openTimerDialog } from '../services/timer';
import { ReportScreen } from '../workshop/ReportScreen';
import { openReport } from '../services/report';

/**
 * One entry of the Facilitate menu: a vote, a breakout comparison, the timer,
 * the report. Each feature adds itself to FACILITATION_ITEMS and renders its own
 * screen through FACILITATION_SCREENS (mounted once by the editor).
 */
export interface FacilitationItem {
  readonly id: string;
  readonly label: string;
  readonly icon: ComponentType<LucideProps>;
  readonly open: () => void;
}

export const FACILITATION_ITEMS: readonly FacilitationItem[] = [
  VOTE_ITEM,
  { id: 'compare', label: 'Compare breakout teams', icon: GitCompareArrows, open: () => run(openComparison) },
  { id: 'timer', label: 'Timer', icon: Timer, open: openTimerDialog },
  { id: 'report', label: 'Workshop report', icon: FileText, open: openReport },
];

export const FACILITATION_SCREENS: readonly ComponentType[] = [VoteScreens, ComparisonScreen, TimerScreen, ReportScreen];

/** The facilitator's menu in the top bar: a button that opens a short list. */
export function FacilitateMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('pointerdown', close);
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);
  if (FACILITATION_ITEMS.length === 0) return null;
  return (
    <div className="menu" ref={root}>
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Users size={18} aria-hidden="true" /> Facilitate <ChevronDown size={14} aria-hidden="true" />
      </button>
      {open ? (
        <div
          className="menu-list"
          role="menu"
          aria-label="Facilitate"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            e.preventDefault();
            const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
            const at = items.indexOf(document.activeElement as HTMLElement);
            items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
          }}
        >
          {FACILITATION_ITEMS.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
                setOpen(false);
                item.open();
              }}
            >
              <item.icon size={16} aria-hidden="true" /> {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** Every facilitation feature's screen (dialogs, panels, the timer), each deciding itself when to show. */
export function FacilitationScreens() {
  return (
    <>
      {FACILITATION_SCREENS.map((Screen, i) => (
        <Screen key={i} />
      ))}
    </>
  );
}
