// The one way to change the map: read-only refused, snapshots first, keys from the registry.
import { beforeEach, describe, expect, it } from 'vitest';
import { useStakemap } from '../../src/store';
import { useHealth, INITIAL_HEALTH } from '../../src/services/health';
import { repository } from '../../src/services/session';
import { startAppSnapshots } from '../../src/services/history';
import {
  COMMANDS,
  changeStakeholder,
  commandForKey,
  deleteSelection,
  formatShortcut,
  redo,
  relabelFromFinding,
  renameMap,
  run,
  tooltip,
  undo,
} from '../../src/commands';
import { sampleMap } from '../persistence/helpers';

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key: k,
  ctrlKey: Boolean(mods.ctrl),
  metaKey: false,
  shiftKey: Boolean(mods.shift),
  altKey: Boolean(mods.alt),
  target: null,
});

describe('run', () => {
  beforeEach(() => {
    useHealth.setState({ ...INITIAL_HEALTH });
    useStakemap.getState().openDocument('m1', sampleMap('Run', 2));
    useStakemap.setState({ overlay: 'none', presenting: false });
  });

  it("records this person's edit as one undo step, with its origin", () => {
    run(renameMap, 'Renamed');
    expect(useStakemap.getState().map?.title).toBe('Renamed');
    expect(useStakemap.getState().undoStack).toHaveLength(1);
    run(undo);
    expect(useStakemap.getState().map?.title).toBe('Run');
    run(redo);
    expect(useStakemap.getState().map?.title).toBe('Renamed');
  });

  it('refuses every map edit in a read-only tab, and changes nothing', () => {
    useHealth.setState({ conflict: { mapId: 'm1', snapshotId: null } });
    const before = useStakemap.getState().map;
    expect(run(renameMap, 'Not allowed')).toBeUndefined();
    run(changeStakeholder, 's1', { name: 'Nope' });
    useStakemap.getState().select({ stakeholders: ['s1'] });
    run(deleteSelection);
    expect(useStakemap.getState().map).toBe(before);
    expect(useStakemap.getState().undoStack).toHaveLength(0);
  });

  it('does not run a command that does not apply now', () => {
    useStakemap.getState().clearSelection();
    const before = useStakemap.getState().map;
    run(deleteSelection);
    expect(useStakemap.getState().map).toBe(before);
  });

  it('freezes a snapshot before a risky command', async () => {
    startAppSnapshots(repository);
    const mapId = await repository().create(sampleMap('Risky', 1));
    useStakemap.getState().openDocument(mapId, (await repository().get(mapId))!.map);
    run(relabelFromFinding, 's1', 'partner');
    await expect.poll(async () => (await repository().listSnapshots(mapId)).map((s) => s.reason)).toContain('Before relabelling from a finding');
    expect(useStakemap.getState().map?.stakeholders[0]?.label).toBe('partner');
  });
});

describe('keys', () => {
  beforeEach(() => {
    useStakemap.getState().openDocument('m1', sampleMap('Keys', 2));
    useStakemap.setState({ overlay: 'none', presenting: false });
  });

  it('finds the command of a key press from the registry', () => {
    expect(commandForKey(key('z', { ctrl: true }))?.id).toBe('history.undo');
    expect(commandForKey(key('Z', { ctrl: true, shift: true }))?.id).toBe('history.redo');
    expect(commandForKey(key('y', { ctrl: true }))?.id).toBe('history.redo');
    expect(commandForKey(key('Delete'))?.id).toBe('selection.delete');
    expect(commandForKey(key('n'))?.id).toBe('stakeholder.addInView');
    expect(commandForKey(key('n', { alt: true }))).toBeNull();
    expect(commandForKey(key('q'))).toBeNull();
  });

  it('keeps keys for open dialogs, and uses the presentation keys while presenting', () => {
    useStakemap.setState({ overlay: 'shortcuts' });
    expect(commandForKey(key('n'))).toBeNull();
    useStakemap.setState({ overlay: 'none', presenting: true });
    expect(commandForKey(key('ArrowRight'))?.id).toBe('present.next');
    expect(commandForKey(key('Escape'))?.id).toBe('present.stop');
    expect(commandForKey(key('n'))).toBeNull();
  });

  it('gives every shortcut to one command only, in each scope', () => {
    const seen = new Map<string, string>();
    for (const c of COMMANDS) {
      for (const k of c.keys ?? []) {
        const id = `${c.scope ?? 'editor'}:${formatShortcut(k)}:${k.shift ?? 'any'}`;
        expect(seen.get(id), `${id} is taken by ${seen.get(id)}`).toBeUndefined();
        seen.set(id, c.id);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  it('says the keys in tooltips', () => {
    expect(tooltip(undo)).toBe('Undo (Ctrl/⌘ + Z)');
    expect(tooltip(renameMap)).toBe('Rename the map');
  });
});
