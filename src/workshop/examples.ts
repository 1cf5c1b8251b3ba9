// The shared scenarios, shipped as examples. Each file is its own chunk,
// loaded only when opened, and so is the file reader (its zod schema is the
// largest part of the format code, and the start screen does not need it).
import type { StakeMap } from '../domain';

const files = import.meta.glob('../../test/fixtures/scenarios/*.stakemap.json', {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

export interface Example {
  readonly id: string;
  readonly title: string;
  readonly story: string;
}

/** In the order a facilitator would reach for them. */
export const EXAMPLES: readonly Example[] = [
  { id: 'brightfoods-distribution', title: 'Brightfoods', story: 'A cereal maker calls its distributor and the grocery chains “customers”. Who actually eats the cereal?' },
  { id: 'steadfast-insurance', title: 'Steadfast Life', story: 'An insurer pays advisors a commission and calls them customers. Where are the policyholders?' },
  { id: 'northwind-internal-teams', title: 'Northwind Bank', story: 'Internal teams call each other “customers”. What does that do to a colleague’s expertise?' },
  { id: 'reliance-clients', title: 'Reliance Partners', story: 'A consultancy with clients, customers and its clients’ own customers: who gets advice?' },
  { id: 'keepsake-gifts-and-go-betweens', title: 'Keepsake Books', story: 'Grandparents buy, grandchildren read, reviewers get paid: gifts and go-betweens.' },
  { id: 'talentbridge-recruiting', title: 'TalentBridge', story: 'A recruiting team that counts anyone it serves as a customer, inside and out.' },
  { id: 'edge-cases', title: 'A half-drawn map', story: 'A studio that has only started drawing: what can the rules say about an unfinished map?' },
];

export async function loadExample(id: string): Promise<StakeMap> {
  const load = files[`../../test/fixtures/scenarios/${id}.stakemap.json`];
  if (!load) throw new Error(`There is no example called “${id}”.`);
  const [text, { parseMap }] = await Promise.all([load(), import('../domain/format')]);
  const parsed = parseMap(text);
  if (!parsed.ok) throw new Error(`The example “${id}” could not be read: ${parsed.problems[0]?.message ?? 'unknown problem'}`);
  return parsed.map;
}
