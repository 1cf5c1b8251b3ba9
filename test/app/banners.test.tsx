// Each storage problem says what happened and offers what to do; an update
// is only offered when nothing is left unsaved.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ReliabilityBanners } from '../../src/app/ReliabilityBanners';
import { INITIAL_HEALTH, useHealth, type HealthState } from '../../src/services/health';
import { classifyStorageError } from '../../src/persistence';
import { useStakemap } from '../../src/store';
import { sampleMap } from '../persistence/helpers';

function show(health: Partial<HealthState>, saveState: 'saved' | 'pending' | 'error' = 'saved') {
  useHealth.setState({ ...INITIAL_HEALTH, storage: 'indexeddb', ...health });
  useStakemap.getState().openDocument('m1', sampleMap('Open map'));
  useStakemap.getState().setSaveStatus({ state: saveState });
  render(<ReliabilityBanners />);
}

afterEach(() => {
  cleanup();
  useHealth.setState({ ...INITIAL_HEALTH });
  useStakemap.getState().closeDocument();
});

describe('ReliabilityBanners', () => {
  it('shows nothing when all is well', () => {
    show({});
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('storage full: says so, with a download and a retry', () => {
    show({ saveError: classifyStorageError(new DOMException('full', 'QuotaExceededError')) }, 'error');
    const banner = screen.getByTestId('save-error-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('Storage is full');
    expect(banner.textContent).toContain('export the map to a file');
    expect(screen.getByRole('button', { name: 'Download the map' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('no IndexedDB: warns that maps stay in this tab, with a download', () => {
    show({ storage: 'memory', storageProblem: classifyStorageError(Object.assign(new Error('x'), { name: 'MissingAPIError' })) });
    expect(screen.getByTestId('memory-banner').textContent).toContain('this tab only');
    expect(screen.getByRole('button', { name: 'Download the map' })).toBeTruthy();
  });

  it('conflict with another tab: load the latest, or download this tab’s version', () => {
    show({ conflict: { mapId: 'm1', snapshotId: 4 } }, 'error');
    const banner = screen.getByTestId('conflict-banner');
    expect(banner.textContent).toContain("kept in the map's History");
    expect(screen.getByRole('button', { name: 'Load the latest version' })).toBeTruthy();
    expect(screen.getByRole('button', { name: "Download this tab's version" })).toBeTruthy();
    expect(screen.queryByTestId('save-error-banner')).toBeNull(); // one message, not two
  });

  it('an older tab after an upgrade: stops, offers the map and a reload', () => {
    show({ outdated: true });
    expect(screen.getByTestId('outdated-banner').textContent).toContain('stopped saving');
    expect(screen.getByRole('button', { name: 'Reload now' })).toBeTruthy();
  });

  it('offers a new version only when everything is saved', () => {
    show({ updateReady: true }, 'pending');
    expect(screen.queryByTestId('update-banner')).toBeNull();
    cleanup();
    show({ updateReady: true }, 'saved');
    expect(screen.getByTestId('update-banner').textContent).toContain('new version');
    expect(screen.getByRole('button', { name: 'Reload to update' })).toBeTruthy();
  });
});
