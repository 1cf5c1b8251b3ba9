// The crash screen: says what failed, keeps the map downloadable, offers a way back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { CrashBoundary } from '../../src/app/ErrorBoundary';
import { useStakemap } from '../../src/store';
import { sampleMap } from '../persistence/helpers';

function Bomb({ when }: { when: boolean }) {
  if (when) throw new TypeError('Cannot read properties of undefined (reading "color")');
  return <p>Editor works</p>;
}

let clicked: Blob[] = [];

beforeEach(() => {
  clicked = [];
  vi.spyOn(console, 'error').mockImplementation(() => {}); // React logs caught errors
  URL.createObjectURL = vi.fn((blob: Blob) => {
    clicked.push(blob);
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  useStakemap.getState().closeDocument();
});

describe('CrashBoundary', () => {
  it('shows the children while nothing fails', () => {
    render(
      <CrashBoundary scope="editor">
        <Bomb when={false} />
      </CrashBoundary>,
    );
    expect(screen.getByText('Editor works')).toBeTruthy();
  });

  it('says what failed and offers the map on screen as a file', async () => {
    useStakemap.getState().openDocument('m1', sampleMap('Crashed map', 2));
    render(
      <CrashBoundary scope="editor">
        <Bomb when />
      </CrashBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong in the editor' })).toBeTruthy();
    expect(screen.getByText(/TypeError: Cannot read properties of undefined/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download the map as it was on screen' }));
    expect(clicked).toHaveLength(1);
    expect(JSON.parse(await clicked[0]!.text())).toMatchObject({ format: 'stakemap', title: 'Crashed map' });
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the recovery view' }).getAttribute('href')).toBe('#/recovery');
  });

  it('can undo the change that broke the editor and try again', () => {
    useStakemap.getState().openDocument('m1', sampleMap('Before', 1));
    useStakemap.getState().commit((m) => ({ ...m, title: 'Breaks the editor' }));
    function Editor() {
      const title = useStakemap((s) => s.map?.title);
      return <Bomb when={title === 'Breaks the editor'} />;
    }
    render(
      <CrashBoundary scope="editor">
        <Editor />
      </CrashBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Undo the last change and try again' }));
    expect(screen.getByText('Editor works')).toBeTruthy();
    expect(useStakemap.getState().map?.title).toBe('Before');
  });

  it('at the app level, offers no retry, only reload and recovery', () => {
    function Wrapper() {
      const [boom] = useState(true);
      return <Bomb when={boom} />;
    }
    render(
      <CrashBoundary scope="app">
        <Wrapper />
      </CrashBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /try again/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
  });
});
