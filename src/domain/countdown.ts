// The facilitator's timer for a drawing or voting round, as pure data and
// pure functions of a clock reading (`now`, wall-clock ms). It is not map
// data: on one screen it lives in the tab, in a live room in the room's
// settings, where every laptop shows the remaining time from its own clock.

export interface RoomTimer {
  /** When it reaches zero, in wall-clock ms (Date.now() of whoever started it). */
  readonly endsAt: number;
  /** Set while paused: what was left when it was paused. */
  readonly pausedRemaining?: number;
  /** What the round is for ("Drawing round"); only ever shown as text. */
  readonly label: string;
}

export const PRESET_MINUTES = [3, 5, 10, 15] as const;
export const MAX_MINUTES = 180;
export const LABEL_MAX = 60;
const MINUTE = 60_000;
const MAX_MS = MAX_MINUTES * MINUTE;

function cleanLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX);
}

/** A timer of `minutes` starting at `now`. */
export function startTimer(minutes: number, label: string, now: number): RoomTimer {
  const ms = Math.round(Math.min(Math.max(minutes, 0), MAX_MINUTES) * MINUTE);
  return { endsAt: now + ms, label: cleanLabel(label) };
}

export function isPaused(t: RoomTimer): boolean {
  return t.pausedRemaining !== undefined;
}

/** Milliseconds left, never below zero. */
export function remainingMs(t: RoomTimer, now: number): number {
  const left = t.pausedRemaining ?? t.endsAt - now;
  return Math.max(0, left);
}

export function isUp(t: RoomTimer, now: number): boolean {
  return remainingMs(t, now) === 0;
}

export function pauseTimer(t: RoomTimer, now: number): RoomTimer {
  if (isPaused(t) || isUp(t, now)) return t;
  return { endsAt: t.endsAt, pausedRemaining: remainingMs(t, now), label: t.label };
}

export function resumeTimer(t: RoomTimer, now: number): RoomTimer {
  if (!isPaused(t)) return t;
  return { endsAt: now + (t.pausedRemaining ?? 0), label: t.label };
}

/** One more minute: added to what is left, or, once time is up, a fresh minute from now. */
export function addMinute(t: RoomTimer, now: number): RoomTimer {
  if (isPaused(t)) return { ...t, pausedRemaining: Math.min((t.pausedRemaining ?? 0) + MINUTE, MAX_MS) };
  const from = isUp(t, now) ? now : t.endsAt;
  return { endsAt: Math.min(from + MINUTE, now + MAX_MS), label: t.label };
}

/** "4:05", "0:09", "1:02:00": whole seconds, rounded up, so 0:00 shows only when time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Spoken form for screen readers: "4 minutes 5 seconds left". */
export function spokenRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts = [m > 0 ? `${m} minute${m === 1 ? '' : 's'}` : '', s > 0 || m === 0 ? `${s} second${s === 1 ? '' : 's'}` : ''].filter(Boolean);
  return `${parts.join(' ')} left`;
}

/** Minutes typed by the facilitator: a number from 0.5 to MAX_MINUTES, or a message saying what is wrong. */
export function parseMinutes(text: string): { ok: true; minutes: number } | { ok: false; message: string } {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value)) return { ok: false, message: 'Type the minutes as a number, for example 7.' };
  if (value < 0.5) return { ok: false, message: 'A round lasts at least half a minute.' };
  if (value > MAX_MINUTES) return { ok: false, message: `A round lasts at most ${MAX_MINUTES} minutes.` };
  return { ok: true, minutes: value };
}

/** A timer as read from a room's settings, written by anyone: anything malformed is no timer. */
export function readTimer(raw: unknown): RoomTimer | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.endsAt !== 'number' || !Number.isFinite(r.endsAt)) return null;
  const label = typeof r.label === 'string' ? cleanLabel(r.label) : '';
  const paused = r.pausedRemaining;
  if (paused !== undefined && paused !== null) {
    if (typeof paused !== 'number' || !Number.isFinite(paused)) return null;
    return { endsAt: r.endsAt, pausedRemaining: Math.min(Math.max(0, paused), MAX_MS), label };
  }
  return { endsAt: r.endsAt, label };
}
