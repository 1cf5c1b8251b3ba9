// The zod schema of one file of docs/FORMAT.md, field by field, with messages in
// plain words. Rules that span fields (unique ids, relation ends, counts) are
// in format-refs.ts; the order of checks and the file-level rules in format.ts.
import { z } from 'zod';
import { DEFINITIONS, ID_PATTERN, KINDS, LABELS, LIMITS, ORG_ID, SIDES, type RelationshipField } from './model';
import { currencyProblem, relationshipProblem } from './relationship';
import { codePointLength, exceeds, isBlank } from './field-rules';
import { describe, expected } from './format-problems';

// zod probes for eval with Function('') when an object schema is built; the
// app's Content-Security-Policy forbids eval and reports each attempt. The
// fast path (format-fast.ts) carries the speed, so zod runs without JIT.
z.config({ jitless: true });

type Issue = { readonly input?: unknown };

/** A zod check from a function that returns the problem with a value, if any (at most one per field). */
function rule<T>(problem: (value: T) => string | undefined) {
  return (ctx: z.core.ParsePayload<T>) => {
    const message = problem(ctx.value);
    if (message !== undefined) ctx.issues.push({ code: 'custom', message, input: ctx.value });
  };
}

const count = (n: number) => n.toLocaleString('en-US');
const tooLong = (s: string, max: number) => `${count(codePointLength(s))} characters, more than the ${count(max)} allowed`;

/** Required text: not all whitespace, at most `max` characters (of the trimmed text for a title). */
export function requiredText(max: number, { trimmed = false } = {}) {
  return z.string({ error: (iss: Issue) => expected(`text of 1 to ${max} characters`, iss.input) }).check(
    rule((value: string) => {
      if (isBlank(value)) return value === '' ? 'is empty' : 'has only whitespace, and needs some text';
      const counted = trimmed ? value.trim() : value;
      return exceeds(counted, max) ? tooLong(counted, max) : undefined;
    }),
  );
}

/** Optional text of at most `max` characters; `null` counts as absent. */
export function optionalText(max: number) {
  return z
    .string({ error: (iss: Issue) => expected(`text of at most ${count(max)} characters`, iss.input) })
    .check(rule((value: string) => (exceeds(value, max) ? tooLong(value, max) : undefined)))
    .nullish();
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const list = values.join(', ');
  return z.enum(values, {
    error: (iss: Issue) => (iss.input === undefined ? `missing (expected one of ${list})` : `${describe(iss.input)} is not one of ${list}`),
  });
}

const ID_RULE = `1 to ${LIMITS.id} characters of A-Z a-z 0-9 _ -`;

export const id = z.string({ error: (iss: Issue) => expected(`an id (${ID_RULE})`, iss.input) }).check(
  rule((value: string) => {
    if (value === ORG_ID) return `"${ORG_ID}" is reserved for the organization`;
    return ID_PATTERN.test(value) ? undefined : `${describe(value)} is not a valid id (${ID_RULE})`;
  }),
);

/** A relation end; whether it names a stakeholder is checked in format-refs.ts. */
const end = z.string({ error: (iss: Issue) => expected(`"${ORG_ID}" or a stakeholder id`, iss.input) });

const coordinate = z.number({ error: (iss: Issue) => expected('a finite number', iss.input) });

const position = z
  .object({ x: coordinate, y: coordinate }, { error: (iss: Issue) => expected('a position {x, y}', iss.input) })
  .nullish();

/** "5 is not a depth…": the value, then what is wrong with it. */
const withValue = (value: unknown, problem: string | undefined) => problem && `${describe(value)} ${problem}`;

/** An optional number of the relationship (relationship.ts words what is wrong); `null` counts as absent. */
function relationshipNumber(field: RelationshipField) {
  return z
    .number({ error: (iss: Issue) => `${describe(iss.input)} ${relationshipProblem(field, iss.input) ?? 'is not a number'}` })
    .check(rule((value: number) => withValue(value, relationshipProblem(field, value))))
    .nullish();
}

const stakeholder = z.object(
  {
    id,
    name: requiredText(LIMITS.name),
    label: oneOf(LABELS),
    side: oneOf(SIDES),
    notes: optionalText(LIMITS.notes),
    position,
    depth: relationshipNumber('depth'),
    value: relationshipNumber('value'),
    lifetimeValue: relationshipNumber('lifetimeValue'),
    valuePerPurchase: relationshipNumber('valuePerPurchase'),
    purchasesPerYear: relationshipNumber('purchasesPerYear'),
    years: relationshipNumber('years'),
    power: relationshipNumber('power'),
    interest: relationshipNumber('interest'),
  },
  { error: (iss: Issue) => expected('a stakeholder (an object)', iss.input) },
);

const relation = z.object(
  { id, from: end, to: end, kind: oneOf(KINDS), note: optionalText(LIMITS.note) },
  { error: (iss: Issue) => expected('a relation (an object)', iss.input) },
);

const WHOLE = 'a whole number of at least 1';
const version = z
  .number({ error: (iss: Issue) => expected(WHOLE, iss.input) })
  .check(rule((value: number) => (Number.isInteger(value) && value >= 1 ? undefined : expected(WHOLE, value))));

export const fileSchema = z.object({
  format: z.literal('stakemap', { error: (iss: Issue) => expected('"stakemap"', iss.input) }),
  version,
  title: requiredText(LIMITS.title, { trimmed: true }),
  definition: oneOf(DEFINITIONS).nullish(),
  definitionNote: optionalText(LIMITS.definitionNote),
  currency: z
    .string({ error: (iss: Issue) => `${describe(iss.input)} ${currencyProblem(iss.input)}` })
    .check(rule((value: string) => withValue(value, currencyProblem(value))))
    .nullish(),
  organization: z.object(
    { name: requiredText(LIMITS.name), position },
    { error: (iss: Issue) => expected('an object with the organization’s name', iss.input) },
  ),
  stakeholders: z.array(stakeholder, { error: (iss: Issue) => expected('a list of stakeholders', iss.input) }),
  relations: z.array(relation, { error: (iss: Issue) => expected('a list of relations', iss.input) }),
});

export type FileData = z.output<typeof fileSchema>;
