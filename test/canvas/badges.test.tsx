// The depth and value badge on cards: only with the view option on and the
// stakeholder's numbers set; the option remembered per browser, never in the map.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { StakeMap } from '../../src/domain';
import { EMPTY_SELECTION } from '../../src/store';
import { createNodeProjector, type CanvasNode, type StakeholderNode as StakeholderNodeType } from '../../src/canvas/adapter';
import { StakeholderNode } from '../../src/canvas/StakeholderNode';
import { BADGES_KEY, cardBadgesOn, reloadCardBadges, setCardBadges } from '../../src/canvas/badges';

const map: StakeMap = {
  title: 'Badges',
  organization: { name: 'Us', position: { x: 0, y: 0 } },
  currency: 'EUR',
  stakeholders: [
    { id: 'big', name: 'Harbor <port> & co', label: 'client', side: 'external', position: { x: 400, y: 0 }, depth: 4, value: 1_200_000 },
    { id: 'est', name: 'Ferry line', label: 'customer', side: 'external', position: { x: 400, y: 200 }, depth: 1, valuePerPurchase: 250, purchasesPerYear: 40 },
    { id: 'none', name: 'Marina', label: 'customer', side: 'external', position: { x: 700, y: 0 } },
  ],
  relations: [],
};

const none = new Map();
const stakeholders = (nodes: CanvasNode[]) => nodes.filter((n): n is StakeholderNodeType => n.type === 'stakeholder');
const nodeTypes = { stakeholder: StakeholderNode };

function Flow({ nodes }: { nodes: CanvasNode[] }) {
  return (
    <div style={{ width: 1200, height: 800 }}>
      <ReactFlowProvider>
        <ReactFlow nodes={stakeholders(nodes)} edges={[]} nodeTypes={nodeTypes} />
      </ReactFlowProvider>
    </div>
  );
}

beforeEach(() => {
  localStorage.clear();
  reloadCardBadges();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the node projector', () => {
  it('gives a badge only with the option on, and only to stakeholders with a depth or value', () => {
    const project = createNodeProjector();
    const off = stakeholders(project(map, EMPTY_SELECTION, none, none, null, none, false, false));
    expect(off.map((n) => n.data.badge)).toEqual([null, null, null]);
    const on = stakeholders(project(map, EMPTY_SELECTION, none, none, null, none, false, true));
    expect(on.map((n) => n.data.badge?.text ?? null)).toEqual(['4. Advisor · €1.2M', '1. Expert · €10K', null]);
    // Turning it on is a new node for the cards it changes, the same one for the rest.
    expect(on[2]).toBe(off[2]);
    expect(on[0]).not.toBe(off[0]);
    // Projecting again with nothing changed keeps every node.
    const again = stakeholders(project(map, EMPTY_SELECTION, none, none, null, none, false, true));
    expect(again[0]).toBe(on[0]);
  });
});

describe('StakeholderNode', () => {
  it('draws the badge when the node has one, as text, and none otherwise', () => {
    const project = createNodeProjector();
    const { rerender } = render(<Flow nodes={project(map, EMPTY_SELECTION, none, none, null, none, false, false)} />);
    expect(screen.getByTestId('node-big')).toBeTruthy();
    expect(screen.queryByTestId('badge-big')).toBeNull();
    rerender(<Flow nodes={project(map, EMPTY_SELECTION, none, none, null, none, false, true)} />);
    const badge = screen.getByTestId('badge-big');
    expect(badge.textContent).toContain('4. Advisor · €1.2M');
    expect(badge.getAttribute('title')).toBe('Depth 4 of 4, trusted advisor; €1,200,000 a year');
    expect(screen.getByTestId('badge-est').textContent).toContain('1. Expert · €10K');
    expect(screen.queryByTestId('badge-none')).toBeNull();
    // The name stays text: no element made from it.
    expect(screen.getByTestId('node-big').querySelector('port')).toBeNull();
  });
});

describe('the badge option', () => {
  it('is off at first, remembered in this browser, and read back', () => {
    expect(cardBadgesOn()).toBe(false);
    act(() => setCardBadges(true));
    expect(localStorage.getItem(BADGES_KEY)).toBe('true');
    reloadCardBadges();
    expect(cardBadgesOn()).toBe(true);
    act(() => setCardBadges(false));
    reloadCardBadges();
    expect(cardBadgesOn()).toBe(false);
  });

  it('still applies in this tab when the browser refuses to store it', () => {
    const refused = () => {
      throw new DOMException('refused', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: refused, setItem: refused });
    expect(() => setCardBadges(true)).not.toThrow();
    expect(cardBadgesOn()).toBe(true);
    reloadCardBadges();
    expect(cardBadgesOn()).toBe(false);
  });
});
