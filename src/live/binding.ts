// One person's view of a shared map: the map derived from the doc, edits
// written as one transaction each, and an undo that is theirs alone.
import * as Y from 'yjs';
import type { StakeMap } from '../domain';
import { RecordCache } from './cache';
import { writeMapToDoc } from './doc';
import { checkRemote } from './repair';
import { createUndoManager } from './undo';

export interface MapChange {
  readonly map: StakeMap;
  /** What was repaired or refused in a change, as plain sentences (show as text, never as markup). */
  readonly messages: readonly string[];
  /** True for this person's own edits, undos and redos; false for colleagues', loads and repairs. */
  readonly local: boolean;
}

export class LiveMap {
  /** The origin of this person's edits: the only one their undo tracks. */
  readonly origin: object = { live: 'local' };
  readonly undoManager: Y.UndoManager;
  private readonly repairOrigin: object = { live: 'repair' };
  private current: StakeMap;
  private readonly cache: RecordCache;
  private readonly listener: (tr: Y.Transaction) => void;

  constructor(
    readonly doc: Y.Doc,
    private readonly onChange: (change: MapChange) => void = () => {},
    initial?: StakeMap,
  ) {
    this.undoManager = createUndoManager(doc, this.origin);
    this.cache = new RecordCache(doc);
    this.current = checkRemote(doc, initial, this.repairOrigin, this.cache).map;
    this.listener = (tr) => this.afterTransaction(tr);
    doc.on('afterTransaction', this.listener);
  }

  get map(): StakeMap {
    return this.current;
  }

  /** Writes `next`, computed from `base` (default: the current map), as one undo step. */
  edit(next: StakeMap, base: StakeMap = this.current): boolean {
    return writeMapToDoc(this.doc, next, this.origin, base);
  }

  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.listener);
    this.undoManager.destroy();
    this.cache.destroy();
  }

  private afterTransaction(tr: Y.Transaction): void {
    // Our own repairs were already folded into the change that needed them.
    if (tr.origin === this.repairOrigin || (tr.changed.size === 0 && tr.deleteSet.clients.size === 0)) return;
    const check = checkRemote(this.doc, this.current, this.repairOrigin, this.cache);
    this.current = check.map;
    this.onChange({ map: check.map, messages: check.messages, local: tr.origin === this.origin || tr.origin === this.undoManager });
  }
}
