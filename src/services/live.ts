// Live rooms, as the app sees them: which room is open, who is in it, how the
// connection is, and what the facilitator set for the room. The map itself
// stays in the store: this person's changes (origin `local`) are written into
// the shared doc, and the doc's changes from others come into the store as
// `peer` changes, never undo steps. The Yjs code loads on first share or join.
import { create } from 'zustand';
import { applyChange, diffMaps, type RoomTimer, type StakeMap } from '../domain';
import { useStakemap } from '../store';
import type { Peer, Presence, RoomConnection, RoomSettings, RoomStatus } from '../live/client';
import { useHealth } from './health';

export type { Peer, RoomSettings, RoomStatus } from '../live/client';

export interface LiveState {
  /** The room open in this tab, and the local map that mirrors it. */
  room: string | null;
  mapId: string | null;
  status: RoomStatus | 'off';
  statusMessage: string | null;
  facilitator: boolean;
  peers: readonly Peer[];
  settings: RoomSettings;
  /** This person follows the facilitator's presentation (they can stop). */
  following: boolean;
  /** What was repaired or refused in a peer's change, newest last (shown as text). */
  notices: readonly string[];
}

const DEFAULTS: RoomSettings = { findingsHidden: false, viewOnly: false, ended: false, presenting: false, presentStep: 0, timer: null };

export const useLive = create<LiveState>()(() => ({
  room: null,
  mapId: null,
  status: 'off',
  statusMessage: null,
  facilitator: false,
  peers: [],
  settings: DEFAULTS,
  following: true,
  notices: [],
}));

const COLORS = ['#c2410c', '#7c3aed', '#0f766e', '#be185d', '#1d4ed8', '#4d7c0f', '#b45309', '#0e7490'];
const NAME_KEY = 'stakemap.displayName';
const SYNC_KEY = 'stakemap.syncUrl';
const ROOMS_KEY = 'stakemap.liveRooms';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function rememberedName(): string {
  return storage()?.getItem(NAME_KEY) ?? '';
}

export function rememberName(name: string): void {
  storage()?.setItem(NAME_KEY, name.trim().slice(0, 40));
}

/** The sync endpoint: this server's own /sync unless the team set another (a static host). */
export function syncUrl(): string {
  const saved = storage()?.getItem(SYNC_KEY);
  if (saved) return saved;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/sync`;
}

export function setSyncUrl(url: string): void {
  if (url.trim() === '') storage()?.removeItem(SYNC_KEY);
  else storage()?.setItem(SYNC_KEY, url.trim());
}

interface RoomRecord {
  mapId: string;
  facilitator: boolean;
}

function rooms(): Record<string, RoomRecord> {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(ROOMS_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, RoomRecord>) : {};
  } catch {
    return {};
  }
}

export function roomRecord(room: string): RoomRecord | null {
  const r = rooms()[room];
  return r && typeof r.mapId === 'string' ? { mapId: r.mapId, facilitator: r.facilitator === true } : null;
}

export function rememberRoom(room: string, record: RoomRecord): void {
  storage()?.setItem(ROOMS_KEY, JSON.stringify({ ...rooms(), [room]: record }));
}

/** The join link a facilitator shows the room: http://HOST:PORT/#/live/ROOM. */
export function joinLink(room: string, token: string | null = null): string {
  const base = `${location.origin}${location.pathname}`;
  return `${base}#/live/${room}${token ? `/${token}` : ''}`;
}

function colorFor(seed: string): string {
  let h = 0;
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length]!;
}

let connection: RoomConnection | null = null;
let unbind: (() => void) | null = null;

export interface OpenRoomOptions {
  room: string;
  token: string | null;
  name: string;
  facilitator: boolean;
  /** The facilitator's map, for a room that has none yet. */
  seed?: StakeMap;
}

/** Connects to a room; resolves with its map (null: the room is empty and nobody seeded it). */
export async function openRoom(options: OpenRoomOptions): Promise<StakeMap | null> {
  closeRoom();
  const { connectRoom } = await import('../live/client');
  const presence: Presence = { name: options.name, color: colorFor(`${options.name}${Math.random()}`), facilitator: options.facilitator };
  useLive.setState({ room: options.room, status: 'connecting', statusMessage: null, facilitator: options.facilitator, peers: [], settings: DEFAULTS, following: true, notices: [] });
  let mirror: StakeMap | null = null;
  const conn = connectRoom({
    url: syncUrl(),
    room: options.room,
    token: options.token,
    presence,
    ...(options.seed ? { seed: options.seed } : {}),
    onMap(change) {
      const before = mirror;
      mirror = change.map;
      if (change.messages.length > 0) useLive.setState((s) => ({ notices: [...s.notices, ...change.messages].slice(-20) }));
      if (change.local || !before) return;
      const state = useStakemap.getState();
      if (state.mapId !== useLive.getState().mapId) return;
      const delta = diffMaps(before, change.map);
      if (delta) state.commit((m) => applyChange(m, delta), { origin: 'peer' });
    },
    onStatus: (status, message) => useLive.setState({ status, statusMessage: message ?? null }),
    onPeers: (peers) => useLive.setState({ peers }),
    onSettings: (settings) => followSettings(settings),
  });
  connection = conn;
  const map = await conn.loaded;
  mirror = map;
  return map;
}

/** The room's map is open in the store as `mapId`: from now on this person's changes go to the room. */
export function bindRoom(mapId: string): void {
  const conn = connection;
  if (!conn) return;
  useLive.setState({ mapId });
  unbind?.();
  const offStore = useStakemap.subscribe((state, previous) => {
    if (state.mapId !== mapId) {
      // Another map (or the library) took the room's place in this tab: leave the room.
      if (previous.mapId === mapId) queueMicrotask(() => closeRoom());
      return;
    }
    // Only this person's changes go out: a peer's came from the room, another tab's reaches it itself.
    if (state.map && previous.map && state.map !== previous.map && state.lastOrigin === 'local' && previous.mapId === mapId) {
      conn.live.edit(state.map, previous.map);
    }
    if (state.selection !== previous.selection) conn.setPresence({ selection: state.selection.stakeholders });
    const live = useLive.getState();
    if (live.facilitator) {
      if (state.findingsHidden !== previous.findingsHidden) conn.setSetting('findingsHidden', state.findingsHidden);
      if (state.presenting !== previous.presenting) conn.setSetting('presenting', state.presenting);
      if (state.presentStep !== previous.presentStep) conn.setSetting('presentStep', state.presentStep);
    }
  });
  unbind = offStore;
  followSettings(conn.settings());
}

/** What the facilitator set comes into this tab: findings hidden, view-only, presentation. */
function followSettings(settings: RoomSettings): void {
  const live = useLive.getState();
  useLive.setState({ settings });
  const mapId = live.mapId;
  useHealth.setState({ viewOnlyMapId: settings.viewOnly && !live.facilitator ? mapId : null });
  if (!mapId || useStakemap.getState().mapId !== mapId || live.facilitator) return;
  const store = useStakemap.getState();
  if (store.findingsHidden !== settings.findingsHidden) store.setFindingsHidden(settings.findingsHidden);
  if (live.following) {
    if (store.presenting !== settings.presenting) store.setPresenting(settings.presenting);
    if (settings.presenting && store.presentStep !== settings.presentStep) store.setPresentStep(settings.presentStep);
  }
  // Not inside the doc's own event: the connection is taken down after it.
  if (settings.ended) queueMicrotask(() => closeRoom({ ended: true }));
}

/** The pointer on the map, for the others' view of this person. */
export function sharePointer(point: { x: number; y: number } | null): void {
  connection?.setPresence({ cursor: point });
}

export function setFollowing(following: boolean): void {
  useLive.setState({ following });
  if (following) followSettings(useLive.getState().settings);
}

/** Facilitator only: the whole room may look but not change the map, or may again. */
export function setRoomViewOnly(viewOnly: boolean): void {
  if (useLive.getState().facilitator) connection?.setSetting('viewOnly', viewOnly);
}

/** Facilitator only: the round timer every laptop shows (null: none). */
export function setRoomTimer(timer: RoomTimer | null): void {
  if (useLive.getState().facilitator) connection?.setSetting('timer', timer);
}

/** Facilitator only: ends the room for everyone; each keeps the map on their device. */
export function endRoom(): void {
  if (!useLive.getState().facilitator) return;
  connection?.setSetting('ended', true);
  closeRoom({ ended: true });
}

export function closeRoom(options: { ended?: boolean } = {}): void {
  unbind?.();
  unbind = null;
  connection?.destroy();
  connection = null;
  useHealth.setState({ viewOnlyMapId: null });
  const ended = options.ended === true;
  useLive.setState({ room: null, status: 'off', statusMessage: ended ? 'The room has ended. Your copy of the map stays on this device.' : null, peers: [] });
}

/**
 * Opens room `room` in the editor: connects (unless this tab just shared it),
 * keeps a local copy of its map among this device's maps, opens that copy and
 * binds it to the room. Resolves 'empty' when the room holds no map.
 */
export async function enterRoom(room: string, token: string | null, name: string): Promise<'ready' | 'empty'> {
  const { repository, openStoredMap } = await import('./session');
  const known = roomRecord(room);
  const live = useLive.getState();
  if (live.room === room && live.mapId && useStakemap.getState().mapId === live.mapId) {
    bindRoom(live.mapId);
    return 'ready';
  }
  const facilitator = known?.facilitator === true;
  const map = await openRoom({ room, token, name, facilitator });
  if (!map) return 'empty';
  // The room's map is the truth; this device keeps a copy among its maps.
  let mapId = known?.mapId ?? null;
  if (mapId && (await repository().get(mapId).catch(() => undefined))) await repository().save(mapId, map);
  else mapId = await repository().create(map);
  rememberRoom(room, { mapId, facilitator });
  const record = await repository().get(mapId);
  if (!record) throw new Error('The local copy of the room could not be read back.');
  openStoredMap(record);
  bindRoom(mapId);
  return 'ready';
}

/** The facilitator shares the open map: a new room, seeded with it. Resolves with the room id. */
export async function shareLive(name: string): Promise<string> {
  const { mapId, map } = useStakemap.getState();
  if (!mapId || !map) throw new Error('Open a map to share it.');
  const { newRoomId } = await import('../live/room');
  const room = newRoomId();
  rememberRoom(room, { mapId, facilitator: true });
  const loaded = await openRoom({ room, token: null, name, facilitator: true, seed: map });
  if (!loaded) throw new Error('The room could not be started.');
  useLive.setState({ mapId });
  return room;
}
