// The map's currency, a map setting: the stakeholders' values are in it.
import { useId } from 'react';
import { FieldError, useDraft } from '../ui/fields';
import { currencyProblem } from '../domain';
import { chooseCurrency, endTyping, run } from '../commands';
import { useStakemap } from '../store';
import { useGridView } from '../views/viewStore';

export function CurrencyField() {
  const id = useId();
  const currency = useStakemap((s) => s.map?.currency ?? '');
  const { draft, setDraft, error, setError } = useDraft(currency);
  const change = (text: string) => {
    const code = text.trim().toUpperCase();
    setDraft(code);
    const why = code === '' ? undefined : code.length < 3 ? undefined : currencyProblem(code);
    if (why) {
      setError(`“${code}” ${why}.`);
      return;
    }
    setError(null);
    // Saved once the three letters are there (or the field is emptied).
    if ((code === '' || code.length === 3) && code !== currency) run(chooseCurrency, code);
  };
  return (
    <div className="field currency-field">
      <label htmlFor={id} className="field-label">
        Currency of values
      </label>
      <input
        id={id}
        type="text"
        value={draft}
        maxLength={3}
        placeholder="EUR"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          run(endTyping);
          if (draft !== '' && draft.length < 3) setError(`“${draft}” is not a currency code yet: expected three letters, such as EUR, USD or GBP.`);
        }}
      />
      <div id={`${id}-hint`} className="field-hint">
        The stakeholders’ yearly and lifetime values are in this currency. Leave it empty for plain numbers.
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Opens the grids over the canvas: the map seen by relationship, or by power and interest. */
export function GridButtons() {
  const show = useGridView((s) => s.show);
  return (
    <div className="field">
      <div className="field-label">See the map as a grid</div>
      <div className="grid-views">
        <button type="button" className="button" onClick={() => show('relationship')}>
          Relationship grid
        </button>
        <button type="button" className="button" onClick={() => show('power')}>
          Power and interest
        </button>
      </div>
    </div>
  );
}
