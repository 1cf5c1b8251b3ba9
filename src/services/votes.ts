// Who is voting from this browser, and whether this person runs the vote.
// In a live room only the facilitator (the one who shared it) starts, reveals
// and deletes votes, as only they may end the room; on a single screen
// whoever holds the mouse does.
import { useStakemap } from '../store';
import { useLive } from './live';

const VOTER_KEY = 'stakemap.voterId';
let memoryVoter: string | null = null;

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `p${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

/** This browser's voter id in live rooms (kept, so a reload keeps one ballot per laptop). Never shown. */
export function myVoterId(): string {
  try {
    const stored = globalThis.localStorage?.getItem(VOTER_KEY);
    if (stored && /^[A-Za-z0-9_-]{1,64}$/.test(stored)) return stored;
    const id = randomId();
    globalThis.localStorage?.setItem(VOTER_KEY, id);
    return id;
  } catch {
    return (memoryVoter ??= randomId());
  }
}

/** Whether the open map is shared in a live room from this tab. */
export function inLiveRoom(live = useLive.getState(), mapId = useStakemap.getState().mapId): boolean {
  return live.room !== null && live.mapId !== null && live.mapId === mapId;
}

/** Whether this person may start, reveal and delete votes on the open map. */
export function runsVotes(live = useLive.getState(), mapId = useStakemap.getState().mapId): boolean {
  return !inLiveRoom(live, mapId) || live.facilitator;
}
