import type { ReactNode } from 'react';

export type NoticeTone = 'error' | 'warning' | 'info';

/** A banner that says what happened and what to do, with the buttons to do it. */
export function Notice({ tone, title, children, actions, testId }: { tone: NoticeTone; title: string; children?: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <div className={`notice is-${tone}`} role={tone === 'info' ? 'status' : 'alert'} data-testid={testId}>
      <div className="notice-text">
        <strong className="notice-title">{title}</strong>
        {children ? <span className="notice-body">{children}</span> : null}
      </div>
      {actions ? <div className="notice-actions">{actions}</div> : null}
    </div>
  );
}
