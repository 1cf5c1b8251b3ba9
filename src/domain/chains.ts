// Who the map shows at the other end of a payment or an offering chain, so a
// message can say who uses what a payer pays for, or who pays for what a user
// uses, instead of "no one" when someone is drawn. Built once per checker run,
// and only when a message asks: the walks are cached per party, so a map with
// thousands of findings still reads each relation a bounded number of times.
import { factsAt, FACT, type MapFacts } from './facts';
import { ORG_ID, type StakeMap } from './model';
import { roleOf } from './roles';

/** Every inside party (us, internal stakeholders) is one node: what reaches one reaches "us". */
const INSIDE = ORG_ID;

export class Chains {
  /** offering: party → parties it hands the offering to. */
  private readonly offersTo = new Map<string, string[]>();
  /** offering: party → parties it gets the offering from. */
  private readonly offeredBy = new Map<string, string[]>();
  /** money: party → positions of the stakeholders paying it. */
  private readonly paidBy = new Map<string, number[]>();
  /** money: position of the payer → parties it pays. */
  private readonly pays = new Map<number, string[]>();
  private endUsers: number[] | null = null;
  private readonly downstream = new Map<string, number[]>();
  private readonly upstreamPayers = new Map<string, number[]>();

  constructor(
    private readonly map: StakeMap,
    private readonly facts: MapFacts,
  ) {
    for (const rel of map.relations) {
      const from = this.node(rel.from);
      const to = this.node(rel.to);
      if (rel.kind === 'offering') {
        push(this.offersTo, from, to);
        push(this.offeredBy, to, from);
      } else if (rel.kind === 'money') {
        const payer = facts.index.get(rel.from);
        if (payer !== undefined) {
          push(this.paidBy, to, payer);
          push(this.pays, payer, to);
        }
      }
    }
  }

  /** Positions of the stakeholders the map shows using what the one at `position` pays for, in file order. */
  usersOfPayments(position: number): number[] {
    const found = new Set<number>();
    for (const payee of this.pays.get(position) ?? []) {
      // Paid to us, or to a go-between who pays us: our offering, whoever uses it.
      // Paid to someone who hands the offering on: whoever uses it down that chain.
      let users: readonly number[] = [];
      if (payee === INSIDE) users = this.allEndUsers();
      else if (this.offersTo.has(payee)) users = this.endUsersFrom(payee);
      else if ((this.pays.get(this.facts.index.get(payee) ?? -1) ?? []).includes(INSIDE)) users = this.allEndUsers();
      for (const user of users) found.add(user);
    }
    found.delete(position);
    return [...found].sort((a, b) => a - b);
  }

  /** Positions of the stakeholders the map shows paying for what the one at `position` gets, in file order. */
  payersOfUse(position: number): number[] {
    const found = new Set<number>();
    const id = this.map.stakeholders[position]!.id;
    for (const source of this.offeredBy.get(id) ?? []) for (const payer of this.payersUpstreamOf(source)) found.add(payer);
    found.delete(position);
    return [...found].sort((a, b) => a - b);
  }

  /** Whether the stakeholder at `position` hands the offering to an inside party. */
  offersInside(position: number): boolean {
    return (this.offersTo.get(this.map.stakeholders[position]!.id) ?? []).includes(INSIDE);
  }

  private node(id: string): string {
    if (id === ORG_ID) return INSIDE;
    const i = this.facts.index.get(id);
    return i !== undefined && factsAt(this.facts, i) & FACT.internal ? INSIDE : id;
  }

  private isEndUser(position: number): boolean {
    return roleOf(factsAt(this.facts, position)) === 'end-user';
  }

  private allEndUsers(): number[] {
    if (this.endUsers) return this.endUsers;
    const out: number[] = [];
    for (let i = 0; i < this.map.stakeholders.length; i++) if (this.isEndUser(i)) out.push(i);
    return (this.endUsers = out);
  }

  /** End users reached from `party` along offering relations (not through us). */
  private endUsersFrom(party: string): number[] {
    const cached = this.downstream.get(party);
    if (cached) return cached;
    const out: number[] = [];
    for (const reached of walk(party, this.offersTo)) {
      const i = this.facts.index.get(reached);
      if (i !== undefined && this.isEndUser(i)) out.push(i);
    }
    this.downstream.set(party, out);
    return out;
  }

  /** Outside payers of `party` or of anyone before it on its offering chain. */
  private payersUpstreamOf(party: string): number[] {
    const cached = this.upstreamPayers.get(party);
    if (cached) return cached;
    const out: number[] = [];
    const add = (payer: number) => {
      const bits = factsAt(this.facts, payer);
      if (bits & FACT.paysForOffering && !(bits & FACT.internal)) out.push(payer);
    };
    for (const reached of walk(party, this.offeredBy)) {
      for (const payer of this.paidBy.get(reached) ?? []) add(payer);
      if (reached !== INSIDE) continue;
      // Premiums through a broker: whoever pays a go-between that pays us pays for our offering.
      for (const broker of this.paidBy.get(INSIDE) ?? []) {
        const brokerId = this.map.stakeholders[broker]!.id;
        if (!this.offersTo.has(brokerId)) for (const payer of this.paidBy.get(brokerId) ?? []) add(payer);
      }
    }
    this.upstreamPayers.set(party, out);
    return out;
  }
}

function push<K, V>(into: Map<K, V[]>, key: K, value: V): void {
  const list = into.get(key);
  if (list) list.push(value);
  else into.set(key, [value]);
}

/** Every party reached from `start` along `edges` (start included); the walk does not go on through us. */
function walk(start: string, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.pop()!;
    if (at === INSIDE && at !== start) continue;
    for (const next of edges.get(at) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
