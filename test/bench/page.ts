// What the browser benchmark installs in the page before the app runs
// (test/bench/browser.ts): watchers that time the app's own screens, a frame
// recorder, and edit probes. Plain browser JavaScript: it is passed to the
// page as text, so it must not use anything from this module's scope.

export interface LoadTimes {
  /** ms from navigation start: the element appeared (laid out, not hidden). */
  visible: number;
  /** ms from navigation start: after that, the first frame was painted and a posted task ran within 50 ms. */
  interactive: number;
}

export interface EditTimes {
  /** The key event's own time stamp. */
  key: number;
  /** The DOM showed the change, a frame was painted, and the main thread answered. */
  painted: number;
}

declare global {
  interface Window {
    __bench: {
      load: { start: Promise<LoadTimes | null>; map: Promise<LoadTimes | null> };
      longTasks: { start: number; duration: number }[];
      downloads: number[];
      clicks: number[];
      startFrames(): void;
      stopFrames(): number[];
      zoom(): number;
      responsive(): Promise<number>;
      armEdit(kind: 'add' | 'delete' | 'rename' | 'move', arg: string): void;
      edit: Promise<EditTimes | null> | null;
    };
  }
}

export function installBench(): void {
  const TIMEOUT = 30_000;
  const post = (): Promise<void> =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });

  /** After the next frame: the first time a posted task runs within 50 ms of being posted. */
  async function responsive(): Promise<number> {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < 400; i++) {
      const posted = performance.now();
      await post();
      const ran = performance.now();
      if (ran - posted < 50) return ran;
    }
    return performance.now();
  }

  /** The first time `test` holds, checked after each DOM change; null after the timeout. */
  function when(test: () => boolean, timeout = TIMEOUT): Promise<number | null> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (value: number | null): void => {
        if (done) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        resolve(value);
      };
      const check = (): void => {
        try {
          if (test()) finish(performance.now());
        } catch {
          // the page is still being built
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const timer = setTimeout(() => finish(null), timeout);
      check();
    });
  }

  const shown = (el: Element | null | undefined): boolean => {
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };

  const startButton = (): boolean =>
    [...document.querySelectorAll('button.primary')].some((b) => b.textContent?.trim() === 'New map' && shown(b) && !b.closest('[inert]'));

  const mapShown = (): boolean => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    // A large map opens far out, drawn on the far view's canvas (src/canvas/FarCanvas.tsx), not as cards.
    return Boolean(viewport?.style.transform) && (shown(document.querySelector('.react-flow__node-stakeholder')) || shown(document.querySelector('[data-testid="far-canvas"]')));
  };

  const timed = async (test: () => boolean): Promise<LoadTimes | null> => {
    const visible = await when(test);
    return visible === null ? null : { visible, interactive: await responsive() };
  };

  const longTasks: { start: number; duration: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API
  }

  // Downloads (export) and clicks, for timing an export from click to file.
  const downloads: number[] = [];
  const clicks: number[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the native click, called with .call(this) below
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) downloads.push(performance.now());
    return click.call(this);
  };
  addEventListener('click', (e) => clicks.push(e.timeStamp), true);

  let frames: number[] = [];
  let recording = false;

  const nodeEl = (id: string): HTMLElement | null => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

  window.__bench = {
    load: { start: timed(startButton), map: timed(mapShown) },
    longTasks,
    downloads,
    clicks,
    startFrames() {
      frames = [];
      recording = true;
      let last = -1;
      const loop = (t: number): void => {
        if (!recording) return;
        if (last >= 0) frames.push(t - last);
        last = t;
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    },
    stopFrames() {
      recording = false;
      return frames;
    },
    zoom() {
      const t = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
      return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? NaN);
    },
    responsive,
    edit: null,
    armEdit(kind, arg) {
      // add: arg is a space-separated list of the node ids before; delete and
      // move: the node's id; rename: "id\u0000expected name".
      let test: () => boolean;
      if (kind === 'add') {
        const before = new Set(arg.split(' '));
        test = () => [...document.querySelectorAll('.react-flow__node-stakeholder')].some((n) => !before.has(n.getAttribute('data-id') ?? '') && shown(n));
      } else if (kind === 'delete') {
        test = () => nodeEl(arg) === null;
      } else if (kind === 'move') {
        // Moved, or gone from the view (only what is in view is rendered; a fitted large map is drawn on the far canvas).
        const before = nodeEl(arg)?.style.transform;
        if (before === undefined) throw new Error(`the move probe has no card ${arg} to watch`);
        test = () => nodeEl(arg)?.style.transform !== before;
      } else {
        const [id, name] = arg.split('\u0000') as [string, string];
        test = () => nodeEl(id)?.querySelector('.stakeholder-name')?.textContent === name;
      }
      let key = NaN;
      const onKey = (e: KeyboardEvent): void => {
        key = e.timeStamp;
        removeEventListener('keydown', onKey, true);
      };
      addEventListener('keydown', onKey, true);
      window.__bench.edit = when(test, 10_000).then(async (seen) => (seen === null ? null : { key, painted: await responsive() }));
    },
  };
}
