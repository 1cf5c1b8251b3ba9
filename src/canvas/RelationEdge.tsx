import { memo } from 'react';
import { createPortal } from 'react-dom';
import { BaseEdge, useInternalNode, type EdgeProps } from '@xyflow/react';
import { edgeGeometry, type Box } from '../drawing/floating';
import { KIND_STYLE } from '../drawing/theme';
import { useCanvasView } from './view';
import type { RelationEdge as RelationEdgeType } from './adapter';

function boxOf(node: ReturnType<typeof useInternalNode>): Box | null {
  if (!node) return null;
  const width = node.measured.width ?? node.width;
  const height = node.measured.height ?? node.height;
  if (!width || !height) return null;
  return { x: node.internals.positionAbsolute.x, y: node.internals.positionAbsolute.y, width, height };
}

function RelationEdgeView({ id, source, target, data, selected, markerEnd }: EdgeProps<RelationEdgeType>) {
  const from = boxOf(useInternalNode(source));
  const to = boxOf(useInternalNode(target));
  const { far, labelHost } = useCanvasView();
  if (!from || !to || !data) return null;
  const style = KIND_STYLE[data.relation.kind];
  const { path, labelX, labelY } = edgeGeometry(from, to, data.offset);
  const emphasis = selected || data.highlighted;
  const note = data.relation.note;
  // Zoomed far out: a plain line, no arrow, dash or label, nothing to aim at.
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={far ? undefined : markerEnd}
        interactionWidth={far ? 0 : 18}
        className={`relation-edge kind-${data.relation.kind}${emphasis ? ' is-emphasised' : ''}`}
        style={{
          stroke: style.color,
          strokeWidth: emphasis ? style.width + 1.6 : style.width,
          strokeDasharray: far ? undefined : style.dash,
        }}
      />
      {!far && labelHost
        ? createPortal(
            <div
              className={`relation-label nodrag nopan${emphasis ? ' is-emphasised' : ''}`}
              style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: style.color, color: style.color }}
              title={note ? `${style.title}: ${note}` : style.title}
              data-relation={id}
            >
              {style.verb}
              {note ? <span className="relation-note-dot" aria-hidden="true" /> : null}
            </div>,
            labelHost,
          )
        : null}
    </>
  );
}

export const RelationEdge = memo(RelationEdgeView);
