// A deterministic, valid map of any size, for limit tests and the speed budget.
import { KINDS, LABELS, SIDES, type Relation, type StakeMap, type Stakeholder } from '../../src/domain/model';

export function bigMap(stakeholderCount = 5_000, relationCount = 20_000): StakeMap {
  const stakeholders: Stakeholder[] = [];
  for (let i = 0; i < stakeholderCount; i++) {
    const s: Stakeholder = {
      id: `s${i}`,
      name: `Stakeholder number ${i} — Ünïcode ✓`,
      label: LABELS[i % LABELS.length]!,
      side: SIDES[i % 7 === 0 ? 0 : 1],
      ...(i % 3 === 0 ? { notes: `Notes about stakeholder ${i}: they buy by the pallet and resell.` } : {}),
      position: { x: (i % 100) * 220, y: Math.floor(i / 100) * 110.5 },
    };
    stakeholders.push(s);
  }
  const relations: Relation[] = [];
  for (let i = 0; i < relationCount; i++) {
    const a = i % Math.max(1, stakeholderCount);
    const b = (i * 7 + 1) % Math.max(1, stakeholderCount);
    const from = stakeholderCount === 0 || i % 5 === 0 ? 'us' : `s${a}`;
    const to = stakeholderCount === 0 ? 'us' : `s${b === a || from === `s${b}` ? (b + 1) % stakeholderCount : b}`;
    const r: Relation = { id: `r${i}`, from, to, kind: KINDS[i % KINDS.length]!, ...(i % 4 === 0 ? { note: `Flow ${i}` } : {}) };
    relations.push(r);
  }
  return { title: 'A very large ecosystem', definition: 'payer', organization: { name: 'Bigco', position: { x: 0, y: 0 } }, stakeholders, relations };
}
