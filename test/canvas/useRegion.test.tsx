import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { ReactFlowProvider, useStoreApi } from '@xyflow/react';
import type { StakeMap } from '../../src/domain';
import { useShown } from '../../src/canvas/useRegion';
import type { Shown } from '../../src/canvas/region';

// A row of cards 1,000 px apart.
const map: StakeMap = {
  title: 'Row',
  organization: { name: 'Us', position: { x: 0, y: -500 } },
  stakeholders: Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, label: 'customer' as const, side: 'external' as const, position: { x: i * 1000, y: 0 } })),
  relations: [],
};

function mount(enabled: boolean) {
  const seen: (Shown | null)[] = [];
  let setView: (x: number, zoom: number) => void = () => undefined;
  function Harness() {
    const flow = useStoreApi();
    setView = (x, zoom) => flow.setState({ transform: [x, 0, zoom], width: 1000, height: 500 });
    seen.push(useShown(map, enabled));
    return null;
  }
  function Sized() {
    const flow = useStoreApi();
    flow.setState({ width: 1000, height: 500, transform: [0, 100, 1] });
    return <Harness />;
  }
  render(
    <ReactFlowProvider>
      <Sized />
    </ReactFlowProvider>,
  );
  return { last: () => seen.at(-1) ?? null, renders: () => seen.length, view: (x: number, zoom = 1) => act(() => setView(x, zoom)) };
}

const ids = (shown: Shown | null) => [...(shown?.stakeholders ?? [])].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

afterEach(cleanup);

describe('useShown', () => {
  it('holds the cards around the view from the first render, half a view past each side', () => {
    const view = mount(true);
    // View x 0..1000 at zoom 1; region -500..1500.
    expect(ids(view.last())).toEqual(['s0', 's1']);
  });

  it('keeps its region (and re-renders nothing) while a pan stays inside it, and moves it once the view nears its edge', () => {
    const view = mount(true);
    const first = view.last();
    const renders = view.renders();
    view.view(-300); // the view moves 300 px right: still inside -500..1500
    expect(view.last()).toBe(first);
    expect(view.renders()).toBe(renders);
    view.view(-2600); // 2,600 px on: a new region around 2,600..3,600
    expect(ids(view.last())).toEqual(['s2', 's3', 's4']);
  });

  it('takes a smaller region when zoomed well in', () => {
    const view = mount(true);
    view.view(0, 0.25); // zoomed out: the region reaches far
    expect(ids(view.last()).length).toBeGreaterThan(4);
    view.view(0, 1);
    expect(ids(view.last())).toEqual(['s0', 's1']);
  });

  it('holds nothing back when not enabled (a small map)', () => {
    expect(mount(false).last()).toBeNull();
  });
});
