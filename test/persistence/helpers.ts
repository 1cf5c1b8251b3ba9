import type { StakeMap, Stakeholder } from '../../src/domain/model';
import type { AutosaveDoc } from '../../src/persistence/autosave';
import { openStakemapDb, type StakemapDb } from '../../src/persistence/db';

/** A fresh, uniquely named database, so tests never see each other's data. */
export function freshDb(): StakemapDb {
  return openStakemapDb(`stakemap-test-${crypto.randomUUID()}`);
}

export function stakeholder(id: string, name = id): Stakeholder {
  return { id, name, label: 'customer', side: 'external' };
}

export function sampleMap(title = 'Bright Foods', count = 2): StakeMap {
  const stakeholders = Array.from({ length: count }, (_, i) => stakeholder(`s${i + 1}`, `Stakeholder ${i + 1}`));
  return {
    title,
    organization: { name: 'Bright Foods Ltd', position: { x: 0, y: 0 } },
    stakeholders,
    relations: stakeholders.map((s, i) => ({ id: `r${i + 1}`, from: s.id, to: 'us', kind: 'money' as const })),
  };
}

/** A clock the tests move by hand: each call returns a later time. */
export function steppingClock(start = 1_700_000_000_000, step = 1_000): () => number {
  let t = start;
  return () => (t += step);
}

/** The smallest store autosave can watch: a doc and listeners. */
export function fakeStore(initial: AutosaveDoc) {
  let doc = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getDoc: () => doc,
    set(next: Partial<AutosaveDoc>) {
      doc = { ...doc, ...next };
      for (const listener of listeners) listener();
    },
    /** A store change that does not touch the map (e.g. selection). */
    touch() {
      for (const listener of listeners) listener();
    },
    listenerCount: () => listeners.size,
  };
}

export function deferred() {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A Storage (localStorage) that holds at most `capacity` characters, as a full disk does. */
export class SmallStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly capacity: number) {}
  get length(): number {
    return this.items.size;
  }
  private used(): number {
    let n = 0;
    for (const [k, v] of this.items) n += k.length + v.length;
    return n;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const old = this.items.get(key);
    const after = this.used() - (old === undefined ? 0 : key.length + old.length) + key.length + value.length;
    if (after > this.capacity) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}
