import { describe, expect, it } from 'vitest';
import { addBreakoutTeam, compareBreakouts, serializeMap, type StakeMap } from '../../src/domain';
import { anonymize } from '../../src/export/anonymize';
import { DEFAULT_OPTIONS } from '../../src/export/options';
import { imageSvg, prepare } from '../../src/export/render';
import { awkwardMap, scenario } from './helpers';

describe('anonymize', () => {
  it('names every stakeholder by its label and a number, counted per label in file order', () => {
    const map = scenario('brightfoods-distribution');
    const out = anonymize(map);
    expect(out.stakeholders.map((s) => s.name)).toEqual(['Customer 1', 'Customer 2', 'Other 1', 'Colleague 1', 'Supplier 1']);
    expect(out.stakeholders.map((s) => [s.id, s.label, s.side])).toEqual(map.stakeholders.map((s) => [s.id, s.label, s.side]));
    expect(out.relations.map((r) => [r.id, r.from, r.to, r.kind])).toEqual(map.relations.map((r) => [r.id, r.from, r.to, r.kind]));
  });

  it('leaves notes out, which may name people, and replaces the title, the organization and our own words unless asked to keep them', () => {
    const map = { ...awkwardMap(), definitionNote: 'Families in Leeds who buy from Brightfoods' };
    const out = anonymize(map);
    expect(out.stakeholders.some((s) => 'notes' in s)).toBe(false);
    expect(out.relations.some((r) => 'note' in r)).toBe(false);
    expect(out.title).toBe('Stakeholder map');
    expect(out.organization).toEqual({ ...map.organization, name: 'Our organization' });
    expect(out).not.toHaveProperty('definitionNote');
    expect(out.definition).toBe(map.definition);

    const kept = anonymize(map, { keepContext: true });
    expect([kept.title, kept.organization, kept.definitionNote]).toEqual([map.title, map.organization, map.definitionNote]);
  });

  it('leaves votes out (named ballots) and anonymizes breakout teams’ maps, their titles and organization too', () => {
    const base = scenario('brightfoods-distribution');
    const first = base.stakeholders[0]!.id;
    const map = {
      ...base,
      votes: [{ id: 'v1', stakeholders: [first], named: true, askPrimary: false, state: 'revealed' as const, startedAt: '2026-12-01T10:00:00.000Z', ballots: [{ voter: 'p1', name: 'Ana Secret', answers: [{ stakeholder: first, label: 'customer' as const }] }] }],
      breakouts: { teams: [{ id: 't1', team: 'Team North', map: { ...base, title: 'North map of Hidden Corp' } }], matches: [] },
    };
    const out = anonymize(map, { keepContext: true });
    expect(out).not.toHaveProperty('votes');
    expect(out.breakouts!.teams[0]!.map.stakeholders.map((s) => s.name)).toEqual(anonymize(base).stakeholders.map((s) => s.name));
    const json = prepare(map, { scope: 'map', anonymize: true }).json;
    expect(json).not.toContain('Ana Secret');
    expect(json).not.toContain('Hidden Corp');
  });

  it('is deterministic and never changes the map it is given', () => {
    const map = awkwardMap();
    const before = serializeMap(map);
    const frozen = structuredClone(map);
    Object.freeze(frozen);
    frozen.stakeholders.forEach((s) => Object.freeze(s));
    expect(serializeMap(anonymize(map))).toBe(serializeMap(anonymize(map)));
    expect(() => anonymize(frozen)).not.toThrow();
    expect(serializeMap(map)).toBe(before);
  });

  it('reaches every export: drawing, embedded map and findings', () => {
    const map = awkwardMap();
    const options = { ...DEFAULT_OPTIONS, format: 'svg' as const, anonymize: true, slide: true, findings: true };
    const p = prepare(map, options);
    const svg = imageSvg(p, options).svg;
    for (const s of map.stakeholders) {
      expect(p.json).not.toContain(JSON.stringify(s.name).slice(1, -1));
      expect(svg).not.toContain('onerror');
    }
    expect(p.json).not.toContain('Secret note');
    expect(svg).toContain('>Customer 1</text>');
  });

  it('names breakout teams’ stakeholders anonymously too, so that the comparison still matches them', () => {
    const map = scenario('brightfoods-distribution');
    const team: StakeMap = {
      ...map,
      stakeholders: [
        ...map.stakeholders.map((s) => (s.id === 'grocers' ? { ...s, name: 'The grocery chain', notes: 'Ask Jane Doe' } : s)),
        { id: 'extra', name: 'Secret partner Ltd', label: 'partner', side: 'external' },
      ],
    };
    const out = anonymize(addBreakoutTeam(map, { id: 'a', team: 'Team A', map: team }));
    const json = serializeMap(out);
    for (const name of ['The grocery chain', 'Ask Jane Doe', 'Secret partner Ltd', 'National distributor']) expect(json).not.toContain(name);
    const names = out.breakouts!.teams[0]!.map.stakeholders.map((s) => s.name);
    expect(names).toEqual(['Customer 1', 'Customer 2', 'Other 1', 'Colleague 1', 'Supplier 1', 'Stakeholder 1']);
    const before = compareBreakouts(addBreakoutTeam(map, { id: 'a', team: 'Team A', map: team }), { includeOwn: true });
    const after = compareBreakouts(out, { includeOwn: true });
    expect(after.rows.map((r) => r.cells.map((c) => c.length))).toEqual(before.rows.map((r) => r.cells.map((c) => c.length)));
  });
});
