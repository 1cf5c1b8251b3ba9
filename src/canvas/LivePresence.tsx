// The others in a live room, on the map: each one's pointer with their name,
// and an outline in their colour around what they have selected (what they
// are editing). Drawn in map coordinates, so it pans and zooms with the map.
import { ViewportPortal, useReactFlow } from '@xyflow/react';
import { sharePointer, useLive, type Peer } from '../services/live';

function Cursor({ peer }: { peer: Peer }) {
  if (!peer.cursor) return null;
  return (
    <div className="live-cursor" style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px)` }} data-testid="live-cursor">
      <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
        <path d="M1 1 L7 17 L9.5 9.5 L17 7 Z" fill={peer.color} stroke="#fff" strokeWidth="1.5" />
      </svg>
      <span className="live-cursor-label" style={{ backgroundColor: peer.color }}>
        {peer.name}
      </span>
    </div>
  );
}

function Selections({ peer }: { peer: Peer }) {
  const rf = useReactFlow();
  return (
    <>
      {(peer.selection ?? []).map((id) => {
        const node = rf.getInternalNode(id);
        if (!node) return null;
        const { x, y } = node.internals.positionAbsolute;
        const width = node.measured.width ?? 0;
        const height = node.measured.height ?? 0;
        return (
          <div
            key={id}
            className="live-selection"
            data-testid="live-selection"
            style={{ transform: `translate(${x - 5}px, ${y - 5}px)`, width: width + 10, height: height + 10, borderColor: peer.color }}
          >
            <span className="live-selection-label" style={{ backgroundColor: peer.color }}>
              {peer.name}
            </span>
          </div>
        );
      })}
    </>
  );
}

export function LivePresence() {
  const peers = useLive((s) => s.peers);
  if (peers.length === 0) return null;
  return (
    <ViewportPortal>
      {peers.map((peer) => (
        <div key={peer.clientId}>
          <Selections peer={peer} />
          <Cursor peer={peer} />
        </div>
      ))}
    </ViewportPortal>
  );
}

// The pointer goes to the room at most every 50 ms: smooth enough to follow, light on the network.
let pointerTimer: ReturnType<typeof setTimeout> | null = null;
let pendingPointer: { x: number; y: number } | null = null;
export function sendPointer(point: { x: number; y: number }): void {
  pendingPointer = { x: Math.round(point.x), y: Math.round(point.y) };
  pointerTimer ??= setTimeout(() => {
    pointerTimer = null;
    sharePointer(pendingPointer);
  }, 50);
}
