// The full screen a vote takes: it holds the keys (the editor's shortcuts
// must not add or delete cards behind it), Escape goes back to the map, and
// focus moves in when it opens.
import { useEffect, useRef, type ReactNode } from 'react';

export function VoteFrame({ label, testId, onClose, children }: { label: string; testId: string; onClose: () => void; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    root.current?.focus();
    // A key pressed with focus outside the screen (a button that just went away leaves it on the page)
    // is the screen's too: caught before the editor's shortcuts see it.
    const outside = (e: KeyboardEvent) => {
      if (!root.current || root.current.contains(e.target as Node)) return;
      e.stopPropagation();
      if (e.key === 'Escape') close.current();
      else root.current.focus();
    };
    window.addEventListener('keydown', outside, true);
    return () => {
      window.removeEventListener('keydown', outside, true);
      before?.focus?.();
    };
  }, []);
  return (
    <div
      ref={root}
      className="vote-screen"
      role="dialog"
      aria-modal="true"
      aria-label={label}
      data-testid={testId}
      tabIndex={-1}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onClose();
      }}
    >
      {children}
    </div>
  );
}

/** Keys pressed in a dialog stay there (Escape still reaches the dialog, which closes). */
export function KeepKeys({ children }: { children: ReactNode }) {
  return <div onKeyDown={(e) => e.key !== 'Escape' && e.stopPropagation()}>{children}</div>;
}
