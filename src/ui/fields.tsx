// Text fields that edit the map as you type (so nothing typed is lost to a
// reload), refuse what the file format would refuse, and say why.
import { useId, useState, type Ref } from 'react';
import { codePointLength } from '../domain';
import { endTyping, run } from '../commands';

export function validateText(value: string, opts: { required?: boolean; maxLength: number; what?: string }): string | null {
  if (opts.required && value.trim() === '') return `${opts.what ?? 'This'} can't be empty.`;
  const length = codePointLength(value);
  if (length > opts.maxLength) return `Keep it to ${opts.maxLength} characters (now ${length}).`;
  return null;
}

interface TextFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  maxLength: number;
  required?: boolean;
  multiline?: boolean;
  hideLabel?: boolean;
  className?: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

/**
 * What a field shows while typed in, and its message. Undo, redo, other tabs
 * and people in a room change the value from outside: the draft follows it,
 * adjusted while rendering rather than one render later.
 */
export function useDraft(value: string): { draft: string; setDraft: (text: string) => void; error: string | null; setError: (message: string | null) => void } {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
    setError(null);
  }
  return { draft, setDraft, error, setError };
}

export function TextField({ label, value, onCommit, maxLength, required, multiline, hideLabel, className, placeholder, inputRef }: TextFieldProps) {
  const id = useId();
  const { draft, setDraft, error, setError } = useDraft(value);

  const change = (next: string) => {
    setDraft(next);
    const problem = validateText(next, { required, maxLength, what: label });
    setError(problem);
    if (!problem && next !== value) onCommit(next);
  };
  const blur = () => {
    run(endTyping);
    if (error) {
      setDraft(value);
      setError(null);
    }
  };
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onBlur: blur,
    ref: inputRef,
  };
  // Near the limit, a counter says how much room is left (before the field refuses more).
  const length = codePointLength(draft);
  const nearLimit = length >= maxLength - Math.max(20, Math.round(maxLength / 10));
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={4} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'Escape') (e.target as HTMLInputElement).blur();
          }}
        />
      )}
      {nearLimit ? (
        <div className={`field-count${length > maxLength ? ' is-over' : ''}`} aria-live="polite" data-testid="field-count">
          {length} / {maxLength} characters
        </div>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A field's message, read out when it appears; its id is what the input's aria-describedby names. */
export function FieldError({ id, error }: { id: string; error: string | null }) {
  return error ? (
    <div id={`${id}-error`} className="field-error" role="alert">
      {error}
    </div>
  ) : null;
}
