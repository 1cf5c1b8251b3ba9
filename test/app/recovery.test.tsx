// The recovery view reads storage raw and puts each map, snapshot and unsaved
// copy through the one check: sound ones download as map files Import opens,
// damaged ones are marked and download as they are, and nothing crashes it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Dexie } from 'dexie';
import { parseMap, type StakeMap } from '../../src/domain';
import { readStoredMap } from '../../src/domain/stored';
import { DB_NAME, createMapRepository, openStakemapDb, writeRescue } from '../../src/persistence';
import { Recovery } from '../../src/app/Recovery';
import { everythingFile, recoveryItem } from '../../src/app/recoveryItems';
import { sampleMap } from '../persistence/helpers';

let downloads: { name: string; text: Promise<string> }[] = [];

beforeEach(() => {
  downloads = [];
  let pending: Blob | null = null;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    pending = blob;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, text: pending!.text() });
  });
});

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
  await Dexie.delete(DB_NAME);
});

function circular(): Record<string, unknown> {
  const map: Record<string, unknown> = { ...sampleMap('Loop', 1) };
  map.organization = map;
  return map;
}

async function storeMaps(): Promise<void> {
  const db = openStakemapDb(DB_NAME);
  const repo = createMapRepository(db);
  const good = await repo.create(sampleMap('Sound map', 2));
  await repo.snapshot(good, 'fine');
  await db.snapshots.add({ mapId: good, createdAt: 5, reason: 'broken', size: 1, map: 'not a map' as unknown as StakeMap, formatVersion: 1 });
  await db.maps.put({ id: 'bad', title: 'Bad labels', createdAt: 1, updatedAt: 2, stakeholderCount: 1, rev: 1, formatVersion: 1, map: { ...sampleMap('Bad labels', 1), stakeholders: [{ id: 's1', name: 'S', label: 'vip' as 'customer', side: 'external' }] } });
  await db.maps.put({ id: 'loop', title: 'Loop', createdAt: 1, updatedAt: 1, stakeholderCount: 1, rev: 1, map: circular() as unknown as StakeMap });
  db.close();
}

describe('the recovery view', () => {
  it('lists every map, marks the damaged ones, and downloads each: sound as a map file, damaged as it is', async () => {
    await storeMaps();
    writeRescue('gone', sampleMap('Unsaved sound', 1), 7, 1);
    localStorage.setItem('stakemap.rescue.broken', '{"at": 8, "map": {"title": "Unsaved broken"}}');
    render(<Recovery />);
    const stored = await screen.findByRole('region', { name: 'Stored maps' });
    const items = within(stored).getAllByRole('listitem').filter((li) => li.classList.contains('recovery-item'));
    expect(items.map((li) => li.querySelector('.recovery-title')?.textContent).sort()).toEqual(['Bad labels', 'Loop', 'Sound map']);
    const damaged = items.filter((li) => li.textContent?.includes('damaged, downloads as it is'));
    expect(damaged.map((li) => li.querySelector('.recovery-title')?.textContent).sort()).toEqual(['Bad labels', 'Loop']);
    expect(stored.textContent).toContain('stakeholders[0].label: "vip" is not one of');

    expect(items.find((li) => li.textContent?.includes('Sound map'))?.textContent).not.toContain('damaged');
    fireEvent.click(screen.getByRole('button', { name: 'Download Sound map' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download Bad labels' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download Loop' }));
    const [sound, bad, loop] = await Promise.all(downloads.map((d) => d.text));
    expect(parseMap(sound!)).toEqual({ ok: true, map: sampleMap('Sound map', 2) });
    expect(JSON.parse(bad!)).toMatchObject({ id: 'bad', map: { stakeholders: [{ label: 'vip' }] } });
    expect(JSON.parse(loop!)).toMatchObject({ id: 'loop', map: { organization: '[circular]' } });

    const unsaved = screen.getByRole('region', { name: 'Unsaved copies' });
    expect(within(unsaved).getByText('Unsaved sound')).toBeTruthy();
    expect(within(unsaved).getByText('Unsaved broken').parentElement?.textContent).toContain('damaged');

    // A damaged snapshot downloads as it is, a sound one as a map file.
    const snapshotButtons = within(stored).getAllByRole('button', { name: 'Download' });
    for (const button of snapshotButtons) fireEvent.click(button);
    const snapshotTexts = await Promise.all(downloads.slice(3).map((d) => d.text));
    expect(snapshotTexts.map((t) => parseMap(t).ok).sort()).toEqual([false, true]);
    expect(snapshotTexts.some((t) => (JSON.parse(t) as { map?: unknown }).map === 'not a map')).toBe(true);

    // And everything at once, cycles and all.
    fireEvent.click(screen.getByRole('button', { name: 'Download everything as one file' }));
    const all = JSON.parse(await downloads.at(-1)!.text) as { maps: unknown[]; snapshots: unknown[]; rescues: unknown[]; notWrittenWhole: string[] };
    expect(all.maps).toHaveLength(3);
    expect(all.snapshots).toHaveLength(2);
    expect(all.rescues).toHaveLength(2);
    const loopRecord = all.maps.find((m) => (m as { id?: unknown }).id === 'loop') as { map: { organization: unknown } };
    expect(loopRecord.map.organization).toBe('[circular]');
    // What could not be written whole is named, in the file and on the screen.
    expect(all.notWrittenWhole).toEqual(['Map “Loop”: a part that refers back to itself (written as "[circular]")']);
    const said = screen.getByTestId('everything-result');
    expect(said.textContent).toContain('Downloaded 7 records in one file.');
    expect(said.textContent).toContain('Map “Loop”: a part that refers back to itself');
  });
});

describe('everythingFile', () => {
  it('writes each record it can, and names the one it cannot read at all instead of failing the whole file', () => {
    const unreadable = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('this record cannot be read');
        },
      },
    );
    const file = everythingFile({
      maps: [
        { label: 'Map “Sound”', value: { id: 'a', map: sampleMap('Sound', 1) } },
        { label: 'Map “Unreadable”', value: unreadable },
      ],
      snapshots: [],
      rescues: [{ label: 'Unsaved copy of b', value: { mapId: 'b', raw: { at: 1, map: circular() } } }],
    });
    const dump = JSON.parse(file.text) as { maps: unknown[]; rescues: unknown[] };
    expect(dump.maps).toEqual([{ id: 'a', map: sampleMap('Sound', 1) }]);
    expect(dump.rescues).toHaveLength(1);
    expect(file.written).toBe(2);
    expect(file.gaps).toEqual([
      'Map “Unreadable”: left out, it could not be read (this record cannot be read)',
      'Unsaved copy of b: a part that refers back to itself (written as "[circular]")',
    ]);
  });
});

describe('recoveryItem', () => {
  it('without the check (it could not load), offers what is there: a map file when it serializes, else as it is', () => {
    expect(parseMap(recoveryItem(null, { title: 'T', map: sampleMap('T', 1) }, 'x').fileText()).ok).toBe(true);
    expect(JSON.parse(recoveryItem(null, { id: 'c', map: circular() }, 'x').fileText())).toMatchObject({ title: 'Loop' }); // no throw on the cycle
    expect(JSON.parse(recoveryItem(null, { id: 'n', map: 'no map here' }, 'x').fileText())).toEqual({ id: 'n', map: 'no map here' });
    expect(recoveryItem(null, 'garbage', 'Fallback')).toMatchObject({ title: 'Fallback', problems: null });
  });

  it('with the check, names a damaged one’s problems', () => {
    const item = recoveryItem(readStoredMap, { title: 'Broken', map: { title: 'Broken' } }, 'x');
    expect(item.title).toBe('Broken');
    expect(item.problems).toEqual(expect.arrayContaining(['stakeholders: missing (expected a list of stakeholders)']));
  });
});
