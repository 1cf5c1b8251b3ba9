// The timer's countdown with an injected clock: every reading is a number we choose.
import { describe, expect, it } from 'vitest';
import {
  addMinute,
  formatRemaining,
  isPaused,
  isUp,
  parseMinutes,
  pauseTimer,
  readTimer,
  remainingMs,
  resumeTimer,
  spokenRemaining,
  startTimer,
} from '../../src/domain/countdown';

/** A clock the test moves by hand. */
function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('countdown', () => {
  it('counts down from the minutes asked, by the clock, and is up at zero', () => {
    const c = clock();
    const t = startTimer(5, 'Drawing round', c.now());
    expect(remainingMs(t, c.now())).toBe(300_000);
    expect(formatRemaining(remainingMs(t, c.now()))).toBe('5:00');
    c.advance(61_500);
    expect(formatRemaining(remainingMs(t, c.now()))).toBe('3:59');
    expect(isUp(t, c.now())).toBe(false);
    c.advance(238_500);
    expect(remainingMs(t, c.now())).toBe(0);
    expect(isUp(t, c.now())).toBe(true);
    // Past the end it stays at zero, never negative.
    c.advance(10_000);
    expect(remainingMs(t, c.now())).toBe(0);
    expect(formatRemaining(remainingMs(t, c.now()))).toBe('0:00');
  });

  it('shows 0:00 only when time is up: the last partial second rounds up', () => {
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(999)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(3_600_000 + 62_000)).toBe('1:01:02');
  });

  it('pauses with what is left, keeps it while the clock runs, and resumes from it', () => {
    const c = clock();
    let t = startTimer(3, 'Vote', c.now());
    c.advance(30_000);
    t = pauseTimer(t, c.now());
    expect(isPaused(t)).toBe(true);
    expect(t.pausedRemaining).toBe(150_000);
    c.advance(600_000); // a long discussion while paused
    expect(remainingMs(t, c.now())).toBe(150_000);
    t = resumeTimer(t, c.now());
    expect(isPaused(t)).toBe(false);
    expect(t.endsAt).toBe(c.now() + 150_000);
    c.advance(50_000);
    expect(remainingMs(t, c.now())).toBe(100_000);
  });

  it('adds a minute to what is left, running or paused, and a fresh minute once time is up', () => {
    const c = clock();
    let t = startTimer(3, '', c.now());
    t = addMinute(t, c.now());
    expect(remainingMs(t, c.now())).toBe(240_000);
    t = pauseTimer(t, c.now());
    t = addMinute(t, c.now());
    expect(remainingMs(t, c.now())).toBe(300_000);
    t = resumeTimer(t, c.now());
    c.advance(400_000);
    expect(isUp(t, c.now())).toBe(true);
    t = addMinute(t, c.now());
    expect(remainingMs(t, c.now())).toBe(60_000);
  });

  it('does not pause a timer that is up, nor resume one that runs', () => {
    const c = clock();
    const t = startTimer(1, '', c.now());
    expect(resumeTimer(t, c.now())).toBe(t);
    c.advance(61_000);
    expect(pauseTimer(t, c.now())).toBe(t);
  });

  it('keeps labels short and on one line, as text', () => {
    const t = startTimer(5, '  <b>Drawing</b>\n round  ' + 'x'.repeat(100), 0);
    expect(t.label.startsWith('<b>Drawing</b> round x')).toBe(true);
    expect(t.label).toHaveLength(60);
  });

  it('says the time left in words for screen readers', () => {
    expect(spokenRemaining(125_000)).toBe('2 minutes 5 seconds left');
    expect(spokenRemaining(60_000)).toBe('1 minute left');
    expect(spokenRemaining(0)).toBe('0 seconds left');
  });

  it('reads minutes typed by the facilitator, with a message for anything else', () => {
    expect(parseMinutes('7')).toEqual({ ok: true, minutes: 7 });
    expect(parseMinutes(' 2,5 ')).toEqual({ ok: true, minutes: 2.5 });
    for (const bad of ['', 'ten', '0', '-3', '181', 'Infinity']) {
      const r = parseMinutes(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it('reads a timer from a room setting, refusing anything malformed', () => {
    expect(readTimer({ endsAt: 1000, label: 'Round' })).toEqual({ endsAt: 1000, label: 'Round' });
    expect(readTimer({ endsAt: 1000, pausedRemaining: 5000, label: 'Round' })).toEqual({ endsAt: 1000, pausedRemaining: 5000, label: 'Round' });
    expect(readTimer({ endsAt: 1000, pausedRemaining: -5, label: 7 })).toEqual({ endsAt: 1000, pausedRemaining: 0, label: '' });
    expect(readTimer({ endsAt: 1000, pausedRemaining: 1e12 })?.pausedRemaining).toBe(180 * 60_000);
    for (const bad of [null, undefined, 'x', 5, {}, { endsAt: 'soon' }, { endsAt: Number.NaN }, { endsAt: 1, pausedRemaining: 'x' }]) {
      expect(readTimer(bad)).toBeNull();
    }
  });
});
