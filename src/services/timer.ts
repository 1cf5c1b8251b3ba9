// Where the round timer lives: in this tab on a single screen, in the room's
// settings in a live room (the facilitator sets it, every laptop shows it).
// It is never map data: not saved, not undone.
import { create } from 'zustand';
import { addMinute, pauseTimer, resumeTimer, startTimer, type RoomTimer } from '../domain';
import { setRoomTimer, useLive, type LiveState } from './live';

interface TimerUi {
  /** The tab's own timer, used when no live room is open. */
  local: RoomTimer | null;
  /** The facilitator asked for a soft chime at the end (this device only). */
  sound: boolean;
  dialogOpen: boolean;
}

export const useTimerUi = create<TimerUi>()(() => ({ local: null, sound: false, dialogOpen: false }));

const inRoom = (live: Pick<LiveState, 'room' | 'status'>) => live.room !== null && live.status !== 'off';

/** The timer the room sees now: the room's in a live room, the tab's otherwise. */
export function useRoomTimer(): RoomTimer | null {
  const local = useTimerUi((s) => s.local);
  const room = useLive((s) => (inRoom(s) ? s.settings.timer : undefined));
  return room === undefined ? local : room;
}

/** Whether this person may start, pause and stop the timer: anyone on one screen, only the facilitator in a room. */
export function useControlsTimer(): boolean {
  return useLive((s) => !inRoom(s) || s.facilitator);
}

function current(): RoomTimer | null {
  const live = useLive.getState();
  return inRoom(live) ? live.settings.timer : useTimerUi.getState().local;
}

function set(next: RoomTimer | null): void {
  const live = useLive.getState();
  if (!inRoom(live)) {
    useTimerUi.setState({ local: next });
    return;
  }
  if (live.facilitator) setRoomTimer(next);
}

export function startRoundTimer(minutes: number, label: string, now = Date.now()): void {
  set(startTimer(minutes, label, now));
}

export function pauseRoundTimer(now = Date.now()): void {
  const t = current();
  if (t) set(pauseTimer(t, now));
}

export function resumeRoundTimer(now = Date.now()): void {
  const t = current();
  if (t) set(resumeTimer(t, now));
}

export function addRoundMinute(now = Date.now()): void {
  const t = current();
  if (t) set(addMinute(t, now));
}

export function stopRoundTimer(): void {
  set(null);
}

export function openTimerDialog(): void {
  useTimerUi.setState({ dialogOpen: true });
}

export function closeTimerDialog(): void {
  useTimerUi.setState({ dialogOpen: false });
}

export function setTimerSound(sound: boolean): void {
  useTimerUi.setState({ sound });
}

/** A soft two-note chime, quiet and short, made on the spot (no sound file). */
export function playChime(): void {
  const Ctx = globalThis.AudioContext;
  if (!Ctx) return;
  try {
    const ctx = new Ctx();
    const start = ctx.currentTime + 0.05;
    for (const [i, freq] of [659.25, 880].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const t = start + i * 0.35;
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(0.08, t + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 1.4);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 1.5);
    }
    setTimeout(() => void ctx.close(), 2500);
  } catch {
    // No sound is fine: the display already says time is up.
  }
}
