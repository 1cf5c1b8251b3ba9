// The inspector's part about the relationship with a stakeholder: its depth
// (the four steps, each named and explained where it is chosen), its value,
// and power and interest. Every change is a command (changeStakeholder).
import { useShallow } from 'zustand/react/shallow';
import {
  DEPTH_INFO,
  DEPTHS,
  formatValue,
  lifetimeValueOf,
  relationshipProblem,
  SCORES,
  yearlyValue,
  type Depth,
  type Relationship,
  type RelationshipField,
  type Score,
} from '../domain';
import { changeStakeholder, run } from '../commands';
import { useStakemap } from '../store';
import { NumberField } from '../ui/NumberField';
import { GridButtons } from './CurrencyField';
import './relationship.css';

export function RelationshipFields({ id }: { id: string }) {
  const state = useRelationshipFlat(id);
  if (!state) return null;
  const { r, external, currency } = state;
  const set = (field: RelationshipField, value: number | undefined) => run(changeStakeholder, id, { [field]: value }, `${field}:${id}`);
  const problem = (field: RelationshipField) => (n: unknown) => relationshipProblem(field, n);
  const yearly = yearlyValue(r);
  const lifetime = lifetimeValueOf(r);
  return (
    <div className="relationship-fields">
      {external ? (
        <>
          <DepthChoice id={id} depth={r.depth} />
          <fieldset className="field relationship-group">
            <legend className="field-label">Value of the relationship</legend>
            <NumberField label="Yearly value" value={r.value} unit={currency} problem={problem('value')} onCommit={(v) => set('value', v)} testId="value-yearly" />
            <NumberField label="Lifetime value" value={r.lifetimeValue} unit={currency} problem={problem('lifetimeValue')} onCommit={(v) => set('lifetimeValue', v)} testId="value-lifetime" />
            <p className="field-hint">Or estimate it from:</p>
            <div className="relationship-inputs">
              <NumberField label="Per purchase" value={r.valuePerPurchase} unit={currency} problem={problem('valuePerPurchase')} onCommit={(v) => set('valuePerPurchase', v)} />
              <NumberField label="Purchases a year" value={r.purchasesPerYear} problem={problem('purchasesPerYear')} onCommit={(v) => set('purchasesPerYear', v)} />
              <NumberField label="Years" value={r.years} problem={problem('years')} onCommit={(v) => set('years', v)} />
            </div>
            <p className="relationship-estimate" data-testid="value-estimate">
              {estimateText(r, yearly, lifetime, currency)}
            </p>
          </fieldset>
        </>
      ) : null}
      <ScoreChoice id={id} field="power" score={r.power} legend="Power" hint="How much they can affect your organization." />
      <ScoreChoice id={id} field="interest" score={r.interest} legend="Interest" hint="How much your work concerns them." />
      <GridButtons />
    </div>
  );
}

/** The stakeholder's relationship, side and the map's currency, as one flat record that useShallow compares field by field (not the position: a drag re-renders nothing here). */
function useRelationshipFlat(id: string) {
  const flat = useStakemap(
    useShallow((st) => {
      const s = st.map?.stakeholders.find((x) => x.id === id);
      if (!s) return { found: false } as const;
      return {
        found: true,
        depth: s.depth,
        value: s.value,
        lifetimeValue: s.lifetimeValue,
        valuePerPurchase: s.valuePerPurchase,
        purchasesPerYear: s.purchasesPerYear,
        years: s.years,
        power: s.power,
        interest: s.interest,
        external: s.side === 'external',
        currency: st.map?.currency,
      } as const;
    }),
  );
  if (!flat.found) return null;
  const { external, currency, depth, value, lifetimeValue, valuePerPurchase, purchasesPerYear, years, power, interest } = flat;
  return { r: { depth, value, lifetimeValue, valuePerPurchase, purchasesPerYear, years, power, interest }, external, currency };
}

function estimateText(r: Relationship, yearly: number | undefined, lifetime: number | undefined, currency: string | undefined): string {
  const parts: string[] = [];
  if (r.value === undefined && yearly !== undefined) parts.push(`Estimated yearly value: ${formatValue(yearly, currency)}`);
  if (r.lifetimeValue === undefined && lifetime !== undefined) parts.push(`estimated lifetime value: ${formatValue(lifetime, currency)}`);
  if (parts.length > 0) return `${parts.join('; ')}.`;
  if (yearly === undefined && lifetime === undefined) return 'No value yet: the relationship grid lists them apart until one is set.';
  return '';
}

function DepthChoice({ id, depth }: { id: string; depth: Depth | undefined }) {
  return (
    <fieldset className="field depth-field">
      <legend className="field-label">How deep is the relationship?</legend>
      <div className="depth-steps">
        {DEPTHS.map((d) => (
          <label key={d} className={`depth-step${depth === d ? ' is-checked' : ''}`}>
            <input type="radio" name={`depth-${id}`} value={d} checked={depth === d} onChange={() => run(changeStakeholder, id, { depth: d })} />
            <span className="depth-name">
              {d}. {DEPTH_INFO[d].name}
            </span>
            <span className="depth-meaning">{DEPTH_INFO[d].meaning}</span>
          </label>
        ))}
        <label className={`depth-step depth-unset${depth === undefined ? ' is-checked' : ''}`}>
          <input type="radio" name={`depth-${id}`} value="" checked={depth === undefined} onChange={() => run(changeStakeholder, id, { depth: undefined })} />
          <span className="depth-name">Not set</span>
        </label>
      </div>
    </fieldset>
  );
}

function ScoreChoice({ id, field, score, legend, hint }: { id: string; field: 'power' | 'interest'; score: Score | undefined; legend: string; hint: string }) {
  return (
    <fieldset className="field score-field">
      <legend className="field-label">
        {legend} <span className="field-hint">{hint}</span>
      </legend>
      <div className="chips">
        {SCORES.map((n) => (
          <label key={n} className={`chip score-chip${score === n ? ' is-checked' : ''}`}>
            <input type="radio" name={`${field}-${id}`} value={n} checked={score === n} onChange={() => run(changeStakeholder, id, { [field]: n })} aria-label={`${legend} ${n} of 5`} />
            <span>{n}</span>
          </label>
        ))}
        <label className={`chip score-chip${score === undefined ? ' is-checked' : ''}`}>
          <input type="radio" name={`${field}-${id}`} value="" checked={score === undefined} onChange={() => run(changeStakeholder, id, { [field]: undefined })} />
          <span>Not set</span>
        </label>
      </div>
    </fieldset>
  );
}
