import { describe, expect, it } from 'vitest';
import { generateMap } from '../../src/domain/generate';
import {
  checkMap,
  customerSentence,
  customerSummary,
  moveStakeholders,
  setDefinition,
  stakeholderViews,
  updateStakeholder,
  type StakeMap,
} from '../../src/domain';
import { createStakemapStore } from '../../src/store';
import { analysisFor, findingsFor, rulesMap, sameForRules } from '../../src/store/findings';
import { summarizeFindings } from '../../src/export/findings';

const map: StakeMap = generateMap({ stakeholders: 60, relations: 120, seed: 3 });
const first = map.stakeholders[0]!;
const otherLabel = first.label === 'customer' ? 'other' : 'customer';

function openInStore(start: StakeMap = map) {
  const store = createStakemapStore();
  store.getState().openDocument('m1', start);
  const current = (): StakeMap => store.getState().map!;
  return { store, current };
}

describe('one analysis per map', () => {
  it('is the same object, with the same parts, every time the same map is asked about', () => {
    const fresh = generateMap({ stakeholders: 30, relations: 60, seed: 11 });
    const analysis = analysisFor(fresh);
    expect(analysisFor(fresh)).toBe(analysis);
    expect(analysis.map).toBe(fresh);
    expect(analysis.findings).toBe(analysisFor(fresh).findings);
    expect(analysis.views).toBe(analysisFor(fresh).views);
    expect(analysis.summary).toBe(analysisFor(fresh).summary);
    expect(findingsFor(fresh)).toBe(analysis.findings);
  });

  it('holds what checkMap, stakeholderViews, customerSummary and customerSentence say of the map', () => {
    const analysis = analysisFor(map);
    expect(analysis.definition).toBe('user');
    expect(analysis.findings).toEqual(checkMap(map));
    expect(analysis.findings.length).toBeGreaterThan(0);
    expect([...analysis.views]).toEqual([...stakeholderViews(map)]);
    expect(analysis.summary).toEqual(customerSummary(map));
    expect(analysis.sentence).toBe(customerSentence(map));
  });

  it('is computed again for a new map that the rules see differently', () => {
    const before = analysisFor(map);
    const relabelled = updateStakeholder(map, first.id, { label: otherLabel });
    const after = analysisFor(relabelled);
    expect(after).not.toBe(before);
    expect(after.map).toBe(relabelled);
    expect(after.findings).toEqual(checkMap(relabelled));
    expect(after.findings).not.toEqual(before.findings);
  });

  it('keeps nothing between unrelated maps: a map moved outside the store gets its own, equal analysis', () => {
    const moved = moveStakeholders(map, [{ id: first.id, position: { x: 5, y: 5 } }]);
    const analysis = analysisFor(moved);
    expect(analysis).not.toBe(analysisFor(map));
    expect(analysis.findings).toEqual(analysisFor(map).findings);
  });

  it('answers per definition: the map’s own by default, any other on request, each kept apart', () => {
    const user = analysisFor(map);
    const payer = analysisFor(map, 'payer');
    const served = analysisFor(map, 'served');
    expect(new Set([user, payer, served]).size).toBe(3);
    expect(analysisFor(map, 'user')).toBe(user);
    expect(analysisFor(map, 'payer')).toBe(payer);
    expect(payer.definition).toBe('payer');
    expect(payer.findings).toEqual(checkMap(map, 'payer'));
    expect(served.findings).toEqual(checkMap(map, 'served'));
    expect(served.summary).toEqual(customerSummary(map, 'served'));
    expect(payer.findings).not.toEqual(user.findings);

    const servedMap = setDefinition(map, 'served');
    expect(analysisFor(servedMap).definition).toBe('served');
    expect(analysisFor(servedMap).findings).toEqual(served.findings);
  });
});

describe('the analysis through the store', () => {
  it('is handed on while only positions or notes change, and computed again after a real change', () => {
    const { store, current } = openInStore();
    const analysis = analysisFor(current());
    store.getState().commit((m) => moveStakeholders(m, [{ id: first.id, position: { x: 1, y: 2 } }]));
    expect(current()).not.toBe(map);
    expect(analysisFor(current())).toBe(analysis);
    store.getState().commit((m) => updateStakeholder(m, first.id, { notes: 'A note' }));
    expect(analysisFor(current())).toBe(analysis);

    store.getState().commit((m) => updateStakeholder(m, first.id, { label: otherLabel }));
    const relabelled = analysisFor(current());
    expect(relabelled).not.toBe(analysis);
    expect(relabelled.findings).toEqual(checkMap(current()));
    // Undo puts the label back (a new map object, with this person's change taken back): the same findings again.
    store.getState().undo();
    expect(analysisFor(current()).findings).toEqual(analysis.findings);
    // Undoing the note and the move changes nothing the rules read: the analysis is handed on.
    const afterUndo = analysisFor(current());
    store.getState().undo();
    store.getState().undo();
    expect(analysisFor(current())).toBe(afterUndo);
  });

  it('is handed on through every frame of a drag', () => {
    const { store, current } = openInStore(generateMap({ stakeholders: 20, relations: 40, seed: 5 }));
    const analysis = analysisFor(current());
    const id = current().stakeholders[0]!.id;
    store.getState().startGesture();
    for (let x = 0; x < 5; x++) {
      store.getState().previewGesture((m) => moveStakeholders(m, [{ id, position: { x, y: x } }]));
      expect(analysisFor(current())).toBe(analysis);
    }
    store.getState().endGesture((m) => moveStakeholders(m, [{ id, position: { x: 9, y: 9 } }]));
    expect(analysisFor(current())).toBe(analysis);
    expect(rulesMap(current())).toBe(analysis.map);
  });

  it('is what the exports read for the open map', () => {
    const { current } = openInStore();
    const summary = summarizeFindings(current());
    expect(summary.findings).toBe(analysisFor(current()).findings);
    // The sentence that names whom it counts, as the findings panel says it.
    expect(summary.sentence).toBe(analysisFor(current()).namedSentence);
  });
});

describe('the map for the rules', () => {
  it('treats maps that differ only in positions or notes as the same for the rules', () => {
    const moved = moveStakeholders(map, [{ id: first.id, position: { x: 1, y: 2 } }]);
    expect(sameForRules(map, moved)).toBe(true);
    expect(sameForRules(map, updateStakeholder(map, first.id, { notes: 'A note' }))).toBe(true);
    expect(sameForRules(map, updateStakeholder(map, first.id, { name: 'Renamed' }))).toBe(false);
    // Depth and value feed rules (client-at-first-step, customer-could-be-client).
    expect(sameForRules(map, updateStakeholder(map, first.id, { depth: 2 }))).toBe(false);
    expect(sameForRules(map, updateStakeholder(map, first.id, { value: 10 }))).toBe(false);
    expect(sameForRules(map, updateStakeholder(map, first.id, { label: otherLabel }))).toBe(false);
    expect(sameForRules(map, { ...map, relations: map.relations.slice(1) })).toBe(false);
    expect(sameForRules(map, { ...map, definition: 'payer' })).toBe(false);
  });

  it('stays one map while the store only moves stakeholders, and follows a rename', () => {
    const { store, current } = openInStore();
    const start = rulesMap(current());
    store.getState().commit((m) => moveStakeholders(m, [{ id: first.id, position: { x: 9, y: 9 } }]));
    expect(rulesMap(current())).toBe(start);
    store.getState().commit((m) => updateStakeholder(m, first.id, { name: 'Someone else' }));
    expect(rulesMap(current())).toBe(current());
    expect(rulesMap(current())).not.toBe(start);
  });
});
