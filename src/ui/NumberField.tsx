// A field for an optional number of the map: it saves as you type when the
// number is one the file format accepts, says why when it is not (and keeps
// what was typed, so nothing is lost), and an empty field removes the value.
import { useId } from 'react';
import { endTyping, run } from '../commands';
import { FieldError, useDraft } from './fields';

/**
 * The number in `text`, or undefined for an empty field, or NaN when it is not
 * a number. Spaces and thousands separators are allowed: "12 500", "12,500",
 * "1,5" (a decimal comma) and "12,500.75" all read as people mean them.
 */
export function readNumber(text: string): number | undefined {
  let t = text.trim().replace(/[\s\u00a0\u202f'_]/g, '');
  if (t === '') return undefined;
  if (t.includes(',') && t.includes('.')) t = t.replace(/,/g, '');
  else if (/^-?\d{1,3}(,\d{3})+$/.test(t)) t = t.replace(/,/g, '');
  else t = t.replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
}

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  /** Why a number cannot be the value (relationship.ts), or undefined when it can. */
  problem: (n: unknown) => string | undefined;
  onCommit: (value: number | undefined) => void;
  /** A unit shown after the field (a currency code, "per year"). */
  unit?: string;
  hint?: string;
  testId?: string;
}

export function NumberField({ label, value, problem, onCommit, unit, hint, testId }: NumberFieldProps) {
  const id = useId();
  const { draft, setDraft, error, setError } = useDraft(value === undefined ? '' : String(value));

  const change = (text: string) => {
    setDraft(text);
    const n = readNumber(text);
    const why = n === undefined ? undefined : problem(n);
    if (why) {
      setError(`“${text.trim()}” ${why}. Not saved: the value stays ${value === undefined ? 'empty' : String(value)}.`);
      return;
    }
    setError(null);
    if (n !== value) onCommit(n);
  };

  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field number-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="number-field-row">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft}
          data-testid={testId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => change(e.target.value)}
          onBlur={() => run(endTyping)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'Escape') (e.target as HTMLInputElement).blur();
          }}
        />
        {unit ? <span className="number-field-unit">{unit}</span> : null}
      </div>
      {hint ? (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}
