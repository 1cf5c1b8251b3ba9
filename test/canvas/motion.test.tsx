import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { ReactFlowProvider, useStoreApi } from '@xyflow/react';
import { useDetailInBatches, useFarView } from '../../src/canvas/motion';

type Probe = { far: boolean; start: () => void; end: () => void; zoomTo: (zoom: number) => void };

/** Renders useFarView inside React Flow's store and hands out its result and controls. */
function mount(zoom: number): { current: () => Probe } {
  let probe: Probe | null = null;
  function Harness() {
    const flow = useStoreApi();
    const { far, onMoveStart, onMoveEnd } = useFarView(false);
    probe = {
      far,
      start: () => onMoveStart(new WheelEvent('wheel')),
      end: onMoveEnd,
      zoomTo: (z) => flow.setState({ transform: [0, 0, z] }),
    };
    return null;
  }
  render(
    <ReactFlowProvider>
      <Harness />
    </ReactFlowProvider>,
  );
  act(() => probe!.zoomTo(zoom));
  return { current: () => probe! };
}

afterEach(cleanup);

describe('useFarView', () => {
  it('follows the zoom while the view is still', () => {
    const view = mount(1);
    expect(view.current().far).toBe(false);
    act(() => view.current().zoomTo(0.2));
    expect(view.current().far).toBe(true);
    act(() => view.current().zoomTo(0.8));
    expect(view.current().far).toBe(false);
  });

  it('goes far at once mid-zoom, and comes back only when the zoom ends', () => {
    const view = mount(1);
    act(() => view.current().start());
    act(() => view.current().zoomTo(0.3));
    expect(view.current().far).toBe(true);
    act(() => view.current().zoomTo(1.1));
    expect(view.current().far).toBe(true); // still moving: no detail mounted mid-gesture
    act(() => view.current().end());
    expect(view.current().far).toBe(false);
  });

  it('a zoom that starts far stays far until it ends', () => {
    const view = mount(0.1);
    expect(view.current().far).toBe(true);
    act(() => view.current().start());
    act(() => view.current().zoomTo(0.9));
    expect(view.current().far).toBe(true);
    act(() => view.current().end());
    expect(view.current().far).toBe(false);
  });

  it('a zoom that ends far out stays far', () => {
    const view = mount(1);
    act(() => view.current().start());
    act(() => view.current().zoomTo(0.2));
    act(() => view.current().end());
    expect(view.current().far).toBe(true);
  });
});

describe('useDetailInBatches', () => {
  const nodes = Array.from({ length: 50 }, (_, i) => `n${i}`);
  const edges = Array.from({ length: 400 }, (_, i) => `e${i}`);

  function mountBatches(far: boolean) {
    let shown: { nodes: string[]; edges: string[] } = { nodes: [], edges: [] };
    const sizes: number[] = [];
    function Harness({ far: f }: { far: boolean }) {
      shown = useDetailInBatches(nodes, edges, f);
      sizes.push(shown.nodes.length + shown.edges.length);
      return null;
    }
    const view = render(<Harness far={far} />);
    return { shown: () => shown, sizes, setFar: (f: boolean) => view.rerender(<Harness far={f} />) };
  }

  it('gives no edges while far out, and everything at once when the map opens near', () => {
    const far = mountBatches(true);
    expect(far.shown().edges).toHaveLength(0);
    cleanup();
    const near = mountBatches(false);
    expect(near.shown()).toEqual({ nodes, edges });
  });

  it('coming back from far, brings the cards in a few a frame, then the relations, until all are there', async () => {
    const view = mountBatches(true);
    act(() => view.setFar(false));
    // The organization and its boundary (first in the list) at once, no relations yet.
    expect(view.shown().nodes.length).toBeLessThan(nodes.length);
    expect(view.shown().nodes.slice(0, 2)).toEqual(['n0', 'n1']);
    expect(view.shown().edges).toHaveLength(0);
    const from = view.sizes.length - 1;
    for (let i = 0; i < 40 && view.shown().edges.length < edges.length; i++) {
      await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    }
    expect(view.shown()).toEqual({ nodes, edges });
    // Grew step by step (each render a frame's batch), never all at once.
    const steps = [...new Set(view.sizes.slice(from))];
    expect(steps.length).toBeGreaterThan(5);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps[1]! - steps[0]!).toBeLessThan(nodes.length);
  });
});
