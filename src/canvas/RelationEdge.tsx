import { memo } from 'react';
import { createPortal } from 'react-dom';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { routePath } from '../drawing/routes';
import { useEdgeLayout } from './edgeLayout';
import { KIND_STYLE } from '../drawing/theme';
import { useCanvasView } from './view';
import type { RelationEdge as RelationEdgeType } from './adapter';

/** A relation as src/diagram/edges.ts routes it around the cards, its label where that placed it. */
function RelationEdgeView({ id, data, selected, markerEnd }: EdgeProps<RelationEdgeType>) {
  const layout = useEdgeLayout(id);
  const { far, labelHost } = useCanvasView();
  if (!layout || !data) return null;
  const style = KIND_STYLE[data.relation.kind];
  const path = routePath(layout.route);
  const { label } = layout;
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
              style={{ transform: `translate(${label.x}px, ${label.y}px)`, width: label.width, height: label.height, borderColor: style.color, color: style.color }}
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
