// One person's private answers: per stakeholder "what is it to us?" in the
// app's own label words and colours, and, when asked, "our primary customer"
// (one at most: the primary customer is one).
import { LABELS, type Answer, type Label, type StakeMap, type Vote } from '../../domain';
import { LABEL_STYLE } from '../../drawing/theme';
import { LabelIcon } from '../../ui/icons';

export type Draft = Readonly<Record<string, { readonly label?: Label; readonly primary?: boolean }>>;

export function draftOf(answers: readonly Answer[] = []): Draft {
  return Object.fromEntries(answers.map((a) => [a.stakeholder, { label: a.label, ...(a.primary ? { primary: true } : {}) }]));
}

/** The draft's answers, in the order the vote asks. */
export function answersOf(vote: Vote, draft: Draft): Answer[] {
  return vote.stakeholders.flatMap((id): Answer[] => {
    const d = draft[id];
    if (!d?.label) return [];
    return vote.askPrimary ? [{ stakeholder: id, label: d.label, primary: d.primary === true }] : [{ stakeholder: id, label: d.label }];
  });
}

export function BallotForm({ vote, map, draft, onChange }: { vote: Vote; map: StakeMap; draft: Draft; onChange: (draft: Draft) => void }) {
  const names = new Map(map.stakeholders.map((s) => [s.id, s.name]));
  const asked = vote.stakeholders.filter((id) => names.has(id));
  const setLabel = (id: string, label: Label) => onChange({ ...draft, [id]: { ...draft[id], label } });
  const setPrimary = (id: string, primary: boolean) => {
    const next: Record<string, { label?: Label; primary?: boolean }> = {};
    for (const [k, v] of Object.entries(draft)) next[k] = { ...v, primary: false };
    next[id] = { ...next[id], primary };
    onChange(next);
  };
  return (
    <ol className="ballot" aria-label="Your answers">
      {asked.map((id, i) => {
        const d = draft[id];
        return (
          <li key={id} className="ballot-item">
            <fieldset className="ballot-question">
              <legend className="ballot-name">
                <span className="ballot-number">{i + 1}.</span> <bdi>{names.get(id)}</bdi>
              </legend>
              <div className="ballot-choices" role="radiogroup" aria-label={`What is ${names.get(id) ?? ''} to us?`}>
                {LABELS.map((label) => (
                  <label key={label} className={`ballot-choice${d?.label === label ? ' is-checked' : ''}`} style={{ color: LABEL_STYLE[label].color }}>
                    <input type="radio" name={`ballot-${vote.id}-${id}`} value={label} checked={d?.label === label} onChange={() => setLabel(id, label)} />
                    <LabelIcon label={label} size={20} />
                    <span>{LABEL_STYLE[label].title}</span>
                  </label>
                ))}
              </div>
              {vote.askPrimary ? (
                <label className="ballot-primary">
                  <input type="checkbox" checked={d?.primary === true} onChange={(e) => setPrimary(id, e.target.checked)} />
                  <span>Our primary customer</span>
                </label>
              ) : null}
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}
