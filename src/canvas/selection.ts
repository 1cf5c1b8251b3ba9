// React Flow reports selection as changes; the store keeps it as id lists.
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { ORG_ID } from '../domain';
import type { Selection } from '../store';
import { BOUNDARY_ID, type CanvasNode, type RelationEdge } from './adapter';

/** The selection after React Flow's select changes; the same object when none apply. */
export function selectionAfter(
  current: Selection,
  nodeChanges: readonly NodeChange<CanvasNode>[],
  edgeChanges: readonly EdgeChange<RelationEdge>[],
): Selection {
  const nodeSelects = nodeChanges.filter((c) => c.type === 'select' && c.id !== BOUNDARY_ID);
  const edgeSelects = edgeChanges.filter((c) => c.type === 'select');
  if (nodeSelects.length === 0 && edgeSelects.length === 0) return current;
  const stakeholders = new Set(current.stakeholders);
  const relations = new Set(current.relations);
  let organization = current.organization;
  for (const c of nodeSelects) {
    if (c.type !== 'select') continue;
    if (c.id === ORG_ID) organization = c.selected;
    else if (c.selected) stakeholders.add(c.id);
    else stakeholders.delete(c.id);
  }
  for (const c of edgeSelects) {
    if (c.type !== 'select') continue;
    if (c.selected) relations.add(c.id);
    else relations.delete(c.id);
  }
  const same =
    organization === current.organization &&
    stakeholders.size === current.stakeholders.length &&
    current.stakeholders.every((id) => stakeholders.has(id)) &&
    relations.size === current.relations.length &&
    current.relations.every((id) => relations.has(id));
  return same ? current : { stakeholders: [...stakeholders], relations: [...relations], organization };
}
