import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { ReactFlowProvider, useStoreApi } from '@xyflow/react';
import { useFarView } from '../../src/canvas/motion';

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
