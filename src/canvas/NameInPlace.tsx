// A card's name, renamed in place: double-click the card, type, Enter (or
// click away) keeps it, Escape leaves it as it was. A name the format would
// refuse (empty, or over the limit) is not kept, and the field says why.
import { useRef, useState, type MouseEvent } from 'react';
import { LIMITS } from '../domain';
import { run, changeStakeholder, renameOrg } from '../commands';
import { validateText } from '../ui/fields';
import { useStakemap } from '../store';

/** Whether the card is being renamed, and the double-click handler that starts it (not while presenting). */
export function useRenaming(): { renaming: boolean; start: (e: MouseEvent) => void; stop: () => void } {
  const [renaming, setRenaming] = useState(false);
  return {
    renaming,
    start: (e) => {
      if (useStakemap.getState().presenting || (e.target as HTMLElement).closest('.react-flow__handle')) return;
      e.stopPropagation();
      setRenaming(true);
    },
    stop: () => setRenaming(false),
  };
}

export function NameInPlace({ id, name, org = false, renaming, onDone }: { id: string; name: string; org?: boolean; renaming: boolean; onDone: () => void }) {
  if (!renaming) {
    return (
      <div className="stakeholder-name" title={name}>
        {name}
      </div>
    );
  }
  return <RenameField id={id} name={name} org={org} onDone={onDone} />;
}

function RenameField({ id, name, org, onDone }: { id: string; name: string; org: boolean; onDone: () => void }) {
  const [draft, setDraft] = useState(name);
  const finished = useRef(false);
  const problem = validateText(draft, { required: true, maxLength: LIMITS.name, what: 'A name' });
  const done = (keep: boolean) => {
    // Enter or Escape, then the blur of the field going away: only the first counts.
    if (finished.current) return;
    finished.current = true;
    onDone();
    if (!keep || problem || draft === name) return;
    if (org) run(renameOrg, draft);
    else run(changeStakeholder, id, { name: draft });
  };
  return (
    <input
      className="stakeholder-rename nodrag nopan"
      aria-label={org ? 'Organization name' : 'Stakeholder name'}
      aria-invalid={problem ? true : undefined}
      title={problem ?? undefined}
      value={draft}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') done(true);
        if (e.key === 'Escape') done(false);
      }}
      onBlur={() => done(true)}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}
