// Personal undo: a Y.UndoManager that tracks only this person's transactions.
import * as Y from 'yjs';
import { listOf, metaOf, RELATIONS, STAKEHOLDERS } from './schema';

/**
 * An undo manager over the whole map that reverts only transactions made with
 * `origin`: a colleague's edits, remote updates, loads and repairs are never
 * undo steps, and undo never overwrites a colleague's later change of the same
 * field. Each transaction is its own step (captureTimeout 0): one command, one step.
 */
export function createUndoManager(doc: Y.Doc, origin: unknown): Y.UndoManager {
  return new Y.UndoManager([metaOf(doc), listOf(doc, STAKEHOLDERS), listOf(doc, RELATIONS)], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 0,
  });
}
