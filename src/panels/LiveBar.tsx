// Who is in the live room and how the connection is: shown in the top bar
// while a room is open. Calm when offline: editing goes on, and syncs later.
import { useLive, setFollowing } from '../services/live';
import { useStakemap } from '../store';

const STATUS_TEXT = {
  off: '',
  connecting: 'Connecting…',
  online: 'Live',
  offline: 'Offline, will sync',
  refused: 'The room refused this connection',
} as const;

export function LiveBar() {
  const room = useLive((s) => s.room);
  const status = useLive((s) => s.status);
  const peers = useLive((s) => s.peers);
  const facilitator = useLive((s) => s.facilitator);
  const presenting = useLive((s) => s.settings.presenting);
  const viewOnly = useLive((s) => s.settings.viewOnly);
  const following = useLive((s) => s.following);
  const message = useLive((s) => s.statusMessage);
  const wasRoomMap = useLive((s) => s.mapId) === useStakemap((s) => s.mapId);
  // After the room ended: say so, and that the map stays, on that map only.
  if (!room) return message && wasRoomMap ? <p className="live-ended" role="status">{message}</p> : null;
  return (
    <div className="live-bar" role="status" aria-label="Live room" data-testid="live-bar" data-status={status}>
      <span className={`live-status is-${status}`}>{STATUS_TEXT[status]}</span>
      <span className="live-count">{peers.length + 1} here</span>
      <ul className="live-peers" aria-label="In the room">
        {peers.slice(0, 8).map((p) => (
          <li key={p.clientId} className="live-peer" style={{ backgroundColor: p.color }} title={p.facilitator ? `${p.name} (facilitator)` : p.name}>
            <bdi>{p.name.slice(0, 1).toUpperCase()}</bdi>
            <span className="visually-hidden">{p.name}</span>
          </li>
        ))}
      </ul>
      {viewOnly && !facilitator ? <span className="live-note">View only</span> : null}
      {!facilitator && presenting ? (
        <button type="button" className="button small" onClick={() => setFollowing(!following)} aria-pressed={following}>
          {following ? 'Stop following' : 'Follow the presentation'}
        </button>
      ) : null}
    </div>
  );
}
