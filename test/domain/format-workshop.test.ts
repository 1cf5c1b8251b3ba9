import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMap, serializeMap } from '../../src/domain/format';
import { FORMAT_VERSION } from '../../src/domain/model';
import { REPO_ROOT, mustParse, parseObject, type FileObject } from './helpers';

const V2 = readFileSync(join(REPO_ROOT, 'test/fixtures/versions/v2.stakemap.json'), 'utf8');
const v2 = (): FileObject => JSON.parse(V2) as FileObject;
const problems = (file: unknown) => {
  const result = parseObject(file);
  return result.ok ? [] : result.problems.map((p) => p.message);
};

describe('votes and breakouts in the file (version 2)', () => {
  it('read and written again unchanged', () => {
    const map = mustParse(V2);
    expect(map.votes).toHaveLength(2);
    expect(map.votes![0]!.ballots[0]!.answers[0]).toEqual({ stakeholder: 'families', label: 'customer', primary: true });
    expect(map.breakouts!.teams.map((t) => t.team)).toEqual(['Team North', 'Team South']);
    expect(map.breakouts!.teams[1]!.map.definition).toBe('payer');
    // Written back as the current version, otherwise unchanged.
    expect(serializeMap(map)).toBe(V2.replace('"version": 2,', `"version": ${FORMAT_VERSION},`));
  });

  it('a map without votes or breakouts writes neither', () => {
    const file = v2();
    delete file.votes;
    delete file.breakouts;
    const text = serializeMap(mustParse(JSON.stringify(file)));
    expect(JSON.parse(text)).not.toHaveProperty('votes');
    expect(JSON.parse(text)).not.toHaveProperty('breakouts');
  });

  it('answers about a stakeholder no longer on the map are dropped, and the drop is named', () => {
    const file = v2();
    file.stakeholders = (file.stakeholders as { id: string }[]).filter((s) => s.id !== 'grocer');
    file.relations = (file.relations as { from: string; to: string }[]).filter((r) => r.from !== 'grocer' && r.to !== 'grocer');
    const result = parseMap(JSON.stringify(file));
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const vote = result.map.votes![0]!;
    expect(vote.stakeholders).toEqual(['families', 'consultancy']);
    expect(vote.ballots.flatMap((b) => b.answers.map((a) => a.stakeholder))).not.toContain('grocer');
    expect(result.repairs?.map((r) => r.message)).toEqual([expect.stringMatching(/^votes\[0\]: a stakeholder voted on is no longer on the map; its answers were dropped/)]);
  });

  it('names are kept only in a named vote', () => {
    const file = v2();
    const votes = file.votes as { named: boolean; ballots: { name?: string }[] }[];
    votes[0]!.ballots[0]!.name = 'Someone';
    const map = mustParse(JSON.stringify(file));
    expect(map.votes![0]!.ballots[0]).not.toHaveProperty('name');
    expect(map.votes![1]!.ballots[0]!.name).toBe('Ana');
  });

  it('refuses a malformed vote with the field and what was expected', () => {
    const file = v2();
    (file.votes as Record<string, unknown>[])[0]!.state = 'closed';
    expect(problems(file)).toEqual([expect.stringMatching(/^votes\[0\]\.state: "closed" is not one of open, revealed/)]);
  });

  it('refuses one person voting twice in a vote, and two votes with one id', () => {
    const file = v2();
    const votes = file.votes as { id: string; ballots: { voter: string }[] }[];
    votes[0]!.ballots[1]!.voter = 'p1';
    votes[1]!.id = 'v1';
    expect(problems(file)).toEqual([
      expect.stringMatching(/^votes\[0\]\.ballots\[1\]\.voter: "p1" voted twice/),
      expect.stringMatching(/^votes\[1\]\.id: "v1" is used by another vote/),
    ]);
  });

  it('refuses a team whose map breaks the format, and a match naming a stakeholder a team does not have', () => {
    const broken = v2();
    const teams = (broken.breakouts as { teams: { map: { stakeholders: { label: string }[] } }[] }).teams;
    teams[0]!.map.stakeholders[0]!.label = 'custmer';
    expect(problems(broken)[0]).toMatch(/^breakouts\.teams\[0\]\.map: stakeholders\[0\]\.label: "custmer" is not one of/);

    const dangling = v2();
    (dangling.breakouts as { matches: { members: { stakeholder: string }[] }[] }).matches[0]!.members[1]!.stakeholder = 'nobody';
    expect(problems(dangling)).toEqual([expect.stringMatching(/^breakouts\.matches\[0\]\.members\[1\]: team "south" has no stakeholder "nobody"/)]);
  });

  it('a version 1 file reads as before, with no votes or breakouts', () => {
    const v1 = readFileSync(join(REPO_ROOT, 'test/fixtures/versions/v1.stakemap.json'), 'utf8');
    const map = mustParse(v1);
    expect(map).not.toHaveProperty('votes');
    expect(map).not.toHaveProperty('breakouts');
    expect(JSON.parse(serializeMap(map))).toMatchObject({ version: FORMAT_VERSION });
  });
});
