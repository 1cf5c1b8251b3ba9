// Reading a big map from the doc after every change costs more than judging
// it: each record is a Y.Map to walk. The cache keeps each record's plain
// fields (and each list's reading order) until a change touches them, as
// Yjs's deep observers report after every transaction.
import * as Y from 'yjs';
import { listOf, RELATIONS, recordFields, sortedIds, STAKEHOLDERS, type Fields, type ListName } from './schema';

export class RecordCache {
  private readonly fields = new WeakMap<Y.Map<unknown>, Fields>();
  private readonly orders = new Map<ListName, string[]>();
  private readonly stops: Array<() => void> = [];

  constructor(doc: Y.Doc) {
    for (const name of [STAKEHOLDERS, RELATIONS] as const) {
      const list = listOf(doc, name);
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        for (const event of events) {
          // A record's own change (or its order) drops that record; a change of the list itself, the order.
          if (event.target !== list) this.fields.delete(event.target as Y.Map<unknown>);
          if (event.target === list || event.keys.has('order')) this.orders.delete(name);
        }
      };
      list.observeDeep(observer);
      this.stops.push(() => list.unobserveDeep(observer));
    }
  }

  /** The list's ids in reading order. */
  ids(name: ListName, list: Y.Map<unknown>): string[] {
    let ids = this.orders.get(name);
    if (!ids) this.orders.set(name, (ids = sortedIds(list)));
    return ids;
  }

  /** A record's plain fields; null when the entry is not a record. The result is shared: copy before changing it. */
  record(entry: unknown): Fields | null {
    if (!(entry instanceof Y.Map)) return null;
    let f = this.fields.get(entry);
    if (!f) this.fields.set(entry, (f = recordFields(entry)!));
    return f;
  }

  destroy(): void {
    this.stops.forEach((stop) => stop());
  }
}

/** Reading without a cache: the same answers, computed afresh. */
export const NO_CACHE = {
  ids: (_name: ListName, list: Y.Map<unknown>) => sortedIds(list),
  record: (entry: unknown) => recordFields(entry),
};
