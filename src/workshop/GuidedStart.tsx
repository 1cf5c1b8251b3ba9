import { useState } from 'react';
import { LABELS, type Label } from '../domain';
import { LABEL_STYLE } from '../drawing/theme';
import { Modal } from '../ui/Modal';
import { buildGuidedMap, defaultLabel, EMPTY_ANSWERS, namesFrom, stakeholdersOf, type GuidedAnswers } from './guided';
import { createAndOpen } from '../services/createMap';

type ListKey = 'users' | 'passers' | 'paidToSell' | 'teams';

const LIST_STEPS: Record<ListKey, { question: string; hint: string; placeholder: string }> = {
  users: { question: 'Who uses it?', hint: 'The people who use, eat, wear or consume what you offer. One per line.', placeholder: 'Families who eat the cereal' },
  passers: { question: 'Who passes it on to them?', hint: 'Distributors, shops, resellers — in order, from you towards the users. Leave empty if you deliver directly.', placeholder: 'National distributor\nGrocery chains' },
  paidToSell: { question: 'Whom do you pay to sell or advise?', hint: 'Agents, brokers, advisors on commission. One per line.', placeholder: 'Independent advisors' },
  teams: { question: 'Which internal teams are involved?', hint: 'Teams inside your organization that work with any of them. One per line.', placeholder: 'Trade marketing team' },
};

// Who passes it on comes before who pays, so the payer question can offer the passers to tick.
const STEPS = ['offer', 'users', 'passers', 'payers', 'paidToSell', 'teams', 'labels'] as const;
type Step = (typeof STEPS)[number];

export function GuidedStart({ onClose }: { onClose: () => void }) {
  const [answers, setAnswers] = useState<GuidedAnswers>(EMPTY_ANSWERS);
  const [texts, setTexts] = useState<Record<ListKey | 'otherPayers', string>>({ users: '', passers: '', paidToSell: '', teams: '', otherPayers: '' });
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current: Step = STEPS[step]!;
  const update = (patch: Partial<GuidedAnswers>) => setAnswers((a) => ({ ...a, ...patch }));

  const finish = async () => {
    setBusy(true);
    try {
      await createAndOpen(buildGuidedMap(answers));
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  const next = () => (step === STEPS.length - 1 ? void finish() : setStep(step + 1));

  return (
    <Modal title="Who is your customer?" onClose={onClose} wide>
      <p className="wizard-progress" aria-live="polite">
        Question {step + 1} of {STEPS.length}
      </p>
      <form
        className="wizard-step"
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        {current === 'offer' ? (
          <>
            <label className="field">
              <span className="wizard-question">What is your organization called?</span>
              <input type="text" value={answers.organization} onChange={(e) => update({ organization: e.target.value })} placeholder="Brightfoods" />
            </label>
            <label className="field">
              <span className="wizard-question">What do you offer?</span>
              <input type="text" value={answers.offering} onChange={(e) => update({ offering: e.target.value })} placeholder="Breakfast cereal" />
            </label>
          </>
        ) : current === 'payers' ? (
          <PayerStep answers={answers} other={texts.otherPayers} onOther={(t) => setTexts({ ...texts, otherPayers: t })} onChange={(payers) => update({ payers })} />
        ) : current === 'labels' ? (
          <LabelStep answers={answers} onChange={(labels) => update({ labels })} />
        ) : (
          <label className="field">
            <span className="wizard-question">{LIST_STEPS[current].question}</span>
            <span className="wizard-hint">{LIST_STEPS[current].hint}</span>
            <textarea
              rows={4}
              value={texts[current]}
              placeholder={LIST_STEPS[current].placeholder}
              onChange={(e) => {
                setTexts({ ...texts, [current]: e.target.value });
                update({ [current]: namesFrom(e.target.value) });
              }}
            />
          </label>
        )}
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <div className="wizard-actions">
          <button type="button" className="button ghost" onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0}>
            Back
          </button>
          <div className="topbar-spacer" />
          {step < STEPS.length - 1 ? (
            <>
              <button type="button" className="button" onClick={() => setStep(step + 1)}>
                Skip
              </button>
              <button type="button" className="button" onClick={() => void finish()} disabled={busy}>
                Skip the rest
              </button>
            </>
          ) : null}
          <button type="submit" className="button primary" disabled={busy}>
            {step === STEPS.length - 1 ? 'Build our map' : 'Next'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function PayerStep({ answers, other, onOther, onChange }: { answers: GuidedAnswers; other: string; onOther: (text: string) => void; onChange: (payers: string[]) => void }) {
  const known = [...answers.passers, ...answers.users];
  const picked = answers.payers.filter((p) => known.includes(p));
  const set = (names: string[], otherText: string) => onChange([...names, ...namesFrom(otherText)]);
  return (
    <fieldset className="field">
      <legend className="wizard-question">Who pays for it?</legend>
      <span className="wizard-hint">Tick everyone who pays, and add anyone else (a parent, an employer).</span>
      {known.map((name) => (
        <label key={name} className="check-row">
          <input
            type="checkbox"
            checked={picked.includes(name)}
            onChange={(e) => set(e.target.checked ? [...picked, name] : picked.filter((p) => p !== name), other)}
          />
          {name}
        </label>
      ))}
      <label className="field">
        <span className="field-label">Others who pay</span>
        <textarea rows={2} value={other} onChange={(e) => { onOther(e.target.value); set(picked, e.target.value); }} placeholder="Parents" />
      </label>
    </fieldset>
  );
}

function LabelStep({ answers, onChange }: { answers: GuidedAnswers; onChange: (labels: Map<string, Label>) => void }) {
  const people = stakeholdersOf(answers);
  if (people.length === 0) return <p>No stakeholders named yet: your map will start with just your organization.</p>;
  return (
    <fieldset className="field">
      <legend className="wizard-question">What does your team call each of them?</legend>
      <span className="wizard-hint">Use the words your team really uses — the map will show what each one is.</span>
      <div className="label-table">
        {people.map((p) => {
          const k = p.name.trim().toLocaleLowerCase();
          return (
            <label key={k} className="label-row">
              <span className="map-text">{p.name}</span>
              <select
                value={answers.labels.get(k) ?? defaultLabel(p.role)}
                onChange={(e) => onChange(new Map(answers.labels).set(k, e.target.value as Label))}
                aria-label={`What your team calls ${p.name}`}
              >
                {LABELS.map((l) => (
                  <option key={l} value={l}>
                    {LABEL_STYLE[l].title}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
