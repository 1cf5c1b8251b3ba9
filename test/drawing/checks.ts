// What every drawing of relations must give: shared by the diagram and export tests.
import type { StakeMap } from '../../src/domain';
import { cardsOf, type EdgeLayout } from '../../src/drawing/edges';
import { boxesMeet, segmentEnters, type Box } from '../../src/drawing/shapes';

/** Relations whose route passes under a card other than its two ends, as "relation → card". */
export function routesUnderCards(map: StakeMap, edges: readonly EdgeLayout[], grow = 0): string[] {
  const cards = cardsOf(map, true, grow);
  const out: string[] = [];
  for (const e of edges) {
    for (let i = 1; i < e.route.length; i++) {
      for (const c of cards) {
        if (c.id === e.relation.from || c.id === e.relation.to) continue;
        if (segmentEnters(e.route[i - 1]!, e.route[i]!, c) !== null) out.push(`${e.relation.id} → ${c.id}`);
      }
    }
  }
  return out;
}

/** Labels overlapping a card (`grow` px taller than the canvas draws it) or another label, as "label ∩ thing". */
export function labelClashes(map: StakeMap, labels: readonly { id: string; box: Box }[], grow = 0): string[] {
  const out: string[] = [];
  for (const l of labels) for (const c of cardsOf(map, true, grow)) if (boxesMeet(l.box, c)) out.push(`${l.id} ∩ ${c.id}`);
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) if (boxesMeet(labels[i]!.box, labels[j]!.box)) out.push(`${labels[i]!.id} ∩ ${labels[j]!.id}`);
  }
  return out;
}
