// One browser's connection to a live room: the shared doc kept in IndexedDB
// (edits made offline survive a reload and merge on reconnect), the
// Hocuspocus provider, presence, and the room's settings. Loaded on first
// share or join, never with the start screen.
import * as Y from 'yjs';
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import { readTimer, type RoomTimer, type StakeMap } from '../domain';
import { LiveMap, type MapChange } from './binding';
import { isEmptyDoc, writeMapToDoc } from './doc';

/** What one person shows the room about themselves. */
export interface Presence {
  readonly name: string;
  readonly color: string;
  /** Pointer on the map, in map coordinates. */
  readonly cursor?: { readonly x: number; readonly y: number } | null;
  readonly selection?: readonly string[];
  /** The stakeholder whose name or details they are editing. */
  readonly editing?: string | null;
  readonly facilitator?: boolean;
}

export interface Peer extends Presence {
  readonly clientId: number;
}

export type RoomStatus = 'connecting' | 'online' | 'offline' | 'refused';

/** Settings the facilitator sets for the whole room (a Y.Map in the doc). */
export interface RoomSettings {
  readonly findingsHidden: boolean;
  readonly viewOnly: boolean;
  readonly ended: boolean;
  readonly presenting: boolean;
  readonly presentStep: number;
  /** The facilitator's round timer; each laptop counts down from its own clock. */
  readonly timer: RoomTimer | null;
}

export const DEFAULT_SETTINGS: RoomSettings = { findingsHidden: false, viewOnly: false, ended: false, presenting: false, presentStep: 0, timer: null };

export interface RoomOptions {
  readonly url: string;
  readonly room: string;
  readonly token: string | null;
  readonly presence: Presence;
  /** The facilitator's map, written into a room that has none yet. */
  readonly seed?: StakeMap;
  onMap: (change: MapChange) => void;
  onStatus: (status: RoomStatus, message?: string) => void;
  onPeers: (peers: readonly Peer[]) => void;
  onSettings: (settings: RoomSettings) => void;
}

export interface RoomConnection {
  readonly live: LiveMap;
  /** Resolves with the room's map once it is known (from this device or the server); null if the room is empty. */
  readonly loaded: Promise<StakeMap | null>;
  setPresence(patch: Partial<Presence>): void;
  setSetting<K extends keyof RoomSettings>(key: K, value: RoomSettings[K]): void;
  settings(): RoomSettings;
  destroy(): void;
}

const LOAD_ORIGIN = { live: 'load' };

function readSettings(map: Y.Map<unknown>): RoomSettings {
  const bool = (key: keyof RoomSettings) => map.get(key) === true;
  const step = map.get('presentStep');
  return {
    findingsHidden: bool('findingsHidden'),
    viewOnly: bool('viewOnly'),
    ended: bool('ended'),
    presenting: bool('presenting'),
    presentStep: typeof step === 'number' && Number.isSafeInteger(step) && step >= 0 ? step : 0,
    timer: readTimer(map.get('timer')),
  };
}

/** A peer's presence as sent: anything else in it is ignored, and names are only ever text. */
function readPresence(clientId: number, state: Record<string, unknown>): Peer | null {
  const p = state.presence as Record<string, unknown> | undefined;
  if (!p || typeof p.name !== 'string' || typeof p.color !== 'string') return null;
  const cursor = p.cursor as { x?: unknown; y?: unknown } | null | undefined;
  const okCursor = cursor && Number.isFinite(cursor.x) && Number.isFinite(cursor.y) ? { x: cursor.x as number, y: cursor.y as number } : null;
  return {
    clientId,
    name: p.name.slice(0, 40),
    color: /^#[0-9a-f]{6}$/i.test(p.color) ? p.color : '#666666',
    cursor: okCursor,
    selection: Array.isArray(p.selection) ? p.selection.filter((s): s is string => typeof s === 'string').slice(0, 50) : [],
    editing: typeof p.editing === 'string' ? p.editing : null,
    facilitator: p.facilitator === true,
  };
}

export function connectRoom(options: RoomOptions): RoomConnection {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`stakemap-room-${options.room}`, doc);
  const settingsMap = doc.getMap<unknown>('room');
  const live = new LiveMap(doc, options.onMap);
  const provider = new HocuspocusProvider({
    url: options.url,
    name: options.room,
    document: doc,
    token: options.token ?? '',
    onStatus: ({ status }) => options.onStatus(status === WebSocketStatus.Connected ? 'online' : status === WebSocketStatus.Connecting ? 'connecting' : 'offline'),
    onAuthenticationFailed: ({ reason }) => options.onStatus('refused', reason),
  });
  const awareness = provider.awareness!;
  awareness.setLocalStateField('presence', options.presence);

  const sendPeers = () => {
    const peers: Peer[] = [];
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === doc.clientID) return;
      const peer = readPresence(clientId, state);
      if (peer) peers.push(peer);
    });
    options.onPeers(peers);
  };
  awareness.on('change', sendPeers);
  settingsMap.observe(() => options.onSettings(readSettings(settingsMap)));

  const loaded = new Promise<StakeMap | null>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      if (isEmptyDoc(doc) && options.seed) writeMapToDoc(doc, options.seed, LOAD_ORIGIN);
      if (isEmptyDoc(doc)) return; // wait for the server
      done = true;
      resolve(live.map);
      options.onSettings(readSettings(settingsMap));
    };
    // What this device kept first (offline, that is all there is), then the server's.
    void local.whenSynced.then(() => {
      if (options.seed || provider.isSynced || !isEmptyDoc(doc)) finish();
    });
    provider.on('synced', () => {
      if (isEmptyDoc(doc) && !options.seed) {
        done = true;
        resolve(null);
        return;
      }
      finish();
    });
    doc.on('update', () => {
      if (!done && !isEmptyDoc(doc)) finish();
    });
  });

  let presence = options.presence;
  return {
    live,
    loaded,
    setPresence(patch) {
      presence = { ...presence, ...patch };
      awareness.setLocalStateField('presence', presence);
    },
    setSetting(key, value) {
      doc.transact(() => settingsMap.set(key, value), LOAD_ORIGIN);
    },
    settings: () => readSettings(settingsMap),
    destroy() {
      awareness.off('change', sendPeers);
      live.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}
