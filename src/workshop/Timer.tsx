// The round timer: a large countdown at the canvas's top-right corner (also
// while presenting, and on every laptop of a live room), and the dialog the
// facilitator starts it from. The end is gentle: the panel softly changes
// colour and says "Time's up"; a chime only if the facilitator turned sound on.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Pause, Play, Plus, Square } from 'lucide-react';
import { Modal } from '../ui/Modal';
import { formatRemaining, isPaused, isUp, parseMinutes, PRESET_MINUTES, remainingMs, spokenRemaining, type RoomTimer } from '../domain';
import {
  addRoundMinute,
  closeTimerDialog,
  pauseRoundTimer,
  playChime,
  resumeRoundTimer,
  setTimerSound,
  startRoundTimer,
  stopRoundTimer,
  useControlsTimer,
  useRoomTimer,
  useTimerUi,
} from '../services/timer';
import './timer.css';

/** Re-renders every quarter second while a timer runs; each reading comes from this device's clock. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running]);
  return now;
}

/** The canvas area, once it is in the page: the timer sits in its corner. */
function useCanvasHost(): HTMLElement | null {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    // After the editor's first paint: the canvas area is in the page by then.
    const frame = requestAnimationFrame(() => setHost(document.querySelector<HTMLElement>('.editor-canvas')));
    return () => cancelAnimationFrame(frame);
  }, []);
  return host;
}

export function TimerScreen() {
  const timer = useRoomTimer();
  const dialogOpen = useTimerUi((s) => s.dialogOpen);
  const host = useCanvasHost();
  return (
    <>
      {/* A fresh display for each change (start, pause, resume, +1 min): its clock reading starts from now, never from before. */}
      {timer && host ? createPortal(<TimerDisplay key={`${timer.endsAt}:${timer.pausedRemaining ?? ''}`} timer={timer} />, host) : null}
      {dialogOpen ? <TimerDialog /> : null}
    </>
  );
}

function TimerDisplay({ timer }: { timer: RoomTimer }) {
  const paused = isPaused(timer);
  const now = useNow(!paused);
  const controls = useControlsTimer();
  const sound = useTimerUi((s) => s.sound);
  const left = remainingMs(timer, now);
  const up = isUp(timer, now);

  // One chime per timer, when it reaches zero while on screen, and only if asked for.
  const chimed = useRef<number | null>(null);
  useEffect(() => {
    if (!up || !sound || !controls || chimed.current === timer.endsAt) return;
    chimed.current = timer.endsAt;
    playChime();
  }, [up, sound, controls, timer.endsAt]);

  const state = up ? 'up' : paused ? 'paused' : 'running';
  return (
    <section className={`round-timer is-${state}`} aria-label="Round timer" data-testid="round-timer" data-state={state}>
      <div className="round-timer-label">{timer.label || 'Timer'}{paused ? ' · paused' : ''}</div>
      <div className="round-timer-time" role="timer" aria-label={up ? "Time's up" : spokenRemaining(left)} data-testid="round-timer-time">
        {up ? "Time's up" : formatRemaining(left)}
      </div>
      <div className="visually-hidden" role="status">
        {up ? "Time's up" : ''}
      </div>
      {controls ? (
        <div className="round-timer-controls">
          {up ? null : paused ? (
            <button type="button" className="button small" onClick={() => resumeRoundTimer()}>
              <Play size={14} aria-hidden="true" /> Resume
            </button>
          ) : (
            <button type="button" className="button small" onClick={() => pauseRoundTimer()}>
              <Pause size={14} aria-hidden="true" /> Pause
            </button>
          )}
          <button type="button" className="button small" onClick={() => addRoundMinute()} aria-label="Add one minute">
            <Plus size={14} aria-hidden="true" /> 1 min
          </button>
          <button type="button" className="button small" onClick={() => stopRoundTimer()} aria-label="Stop the timer">
            <Square size={14} aria-hidden="true" /> Stop
          </button>
        </div>
      ) : null}
    </section>
  );
}

const ROUNDS = ['Drawing round', 'Voting round', 'Discussion'] as const;

function TimerDialog() {
  const controls = useControlsTimer();
  const sound = useTimerUi((s) => s.sound);
  const [label, setLabel] = useState<string>(ROUNDS[0]);
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const start = (minutes: number) => {
    startRoundTimer(minutes, label);
    closeTimerDialog();
  };
  return (
    <Modal title="Timer" onClose={closeTimerDialog}>
      {controls ? (
        <div className="timer-dialog">
          <label className="field">
            <span className="field-label">Round</span>
            <input type="text" list="timer-rounds" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
            <datalist id="timer-rounds">
              {ROUNDS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </label>
          <div className="timer-presets" role="group" aria-label="Start a timer">
            {PRESET_MINUTES.map((m) => (
              <button key={m} type="button" className="button large" onClick={() => start(m)}>
                {m} min
              </button>
            ))}
          </div>
          <form
            className="timer-custom"
            onSubmit={(e) => {
              e.preventDefault();
              const parsed = parseMinutes(custom);
              if (parsed.ok) start(parsed.minutes);
              else setError(parsed.message);
            }}
          >
            <label className="field">
              <span className="field-label">Other length (minutes)</span>
              <input type="text" inputMode="decimal" value={custom} onChange={(e) => (setCustom(e.target.value), setError(null))} aria-invalid={error !== null} />
            </label>
            <button type="submit" className="button">
              Start
            </button>
          </form>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <label className="check-row">
            <input type="checkbox" checked={sound} onChange={(e) => setTimerSound(e.target.checked)} />
            <span>A soft chime at the end (on this device)</span>
          </label>
          <p className="wizard-hint">The timer shows at the top right of the map, also while presenting and on every laptop in a live room. No alarm: it softly changes colour when time is up.</p>
        </div>
      ) : (
        <p>Only the facilitator starts and stops the timer in a live room.</p>
      )}
    </Modal>
  );
}
