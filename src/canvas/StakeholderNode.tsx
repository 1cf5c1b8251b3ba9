import { memo, useEffect, useState } from 'react';
import { Handle, Position, useConnection, useNodeId, type NodeProps } from '@xyflow/react';
import { LabelIcon } from '../ui/icons';
import { LABEL_STYLE } from '../drawing/theme';
import { NameInPlace, useRenaming } from './NameInPlace';
import type { StakeholderNode as StakeholderNodeType } from './adapter';
import { useCanvasView } from './view';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

/**
 * Four small dots start a relation (loose connection mode lets any of them end
 * one too); while a relation is being drawn, the whole node becomes a drop
 * target, so letting go anywhere on it connects.
 *
 * On a large map the dots are put in only when they can be used: on the card
 * under the pointer or selected (and kept while a relation drawn from one is
 * under way), and the drop target while a relation is being drawn. Five
 * handles on every card in view were most of a pan frame's work (each a store
 * subscription, an element to hit-test and layers to sort: on 1,000
 * stakeholders at zoom 0.7 the median frame task went 11.8 → 9 ms). When a
 * card mounts, unseen marks stand where they sit until React Flow has
 * measured them (it measures a node's handles from its elements on each
 * mount, and a card measured with none could neither start a relation nor
 * end one); then they go too (left in, they cost most of what was saved).
 */
export function NodeHandles({ near = false }: { near?: boolean }) {
  const id = useNodeId();
  // One subscription (compared shallowly): every card in view holds it.
  const { connecting, fromHere } = useConnection((c) => ({ connecting: c.inProgress, fromHere: c.inProgress && c.fromNode.id === id }));
  const { fewHandles } = useCanvasView();
  const dots = !fewHandles || near || fromHere;
  const marks = useUntilMeasured(fewHandles);
  if (!dots && !connecting && !marks) return null;
  return (
    <>
      {SIDES.map((side) =>
        dots ? <Handle key={side} id={side} type="source" position={side} className="node-handle" /> : marks ? <HandleMark key={side} id={side} type="source" /> : null,
      )}
      {dots || connecting ? (
        <Handle
          id="body"
          type="target"
          position={Position.Top}
          isConnectableStart={false}
          className={`node-body-handle${connecting ? ' is-active' : ''}`}
        />
      ) : marks ? (
        <HandleMark id="body" type="target" />
      ) : null}
    </>
  );
}

/**
 * True for the first two frames after mounting (or after `enabled` turns on;
 * a small map needs no marks and does no work for them): React Flow starts
 * observing a node's size in an effect after ours, and its ResizeObserver
 * reports (and it measures the handles) in the next frame, after that frame's
 * animation callbacks.
 */
function useUntilMeasured(enabled: boolean): boolean {
  const [marks, setMarks] = useState(true);
  useEffect(() => {
    if (!enabled) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setMarks(false));
    });
    return () => cancelAnimationFrame(frame);
  }, [enabled]);
  return marks;
}

/** Where a handle sits, for React Flow to measure (the class and data attributes it reads); never drawn, never hit. */
function HandleMark({ id, type }: { id: string; type: 'source' | 'target' }) {
  return <span className={`handle-mark handle-mark-${id} ${type}`} data-handleid={id} data-handlepos={id === 'body' ? Position.Top : id} aria-hidden="true" />;
}

const SEVERITY_TEXT = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

function StakeholderNodeView({ data, selected }: NodeProps<StakeholderNodeType>) {
  const { stakeholder: s, flag, shownLabel, badge } = data;
  const style = LABEL_STYLE[shownLabel];
  const changed = shownLabel !== s.label;
  const rename = useRenaming();
  const [pointed, setPointed] = useState(false);
  return (
    <div
      onPointerEnter={() => setPointed(true)}
      onPointerLeave={() => setPointed(false)}
      className={`stakeholder-node side-${s.side}${selected ? ' is-selected' : ''}`}
      style={{ borderColor: style.color, background: style.tint }}
      data-label={shownLabel}
      data-side={s.side}
      data-testid={`node-${s.id}`}
      onDoubleClick={rename.start}
    >
      <NodeHandles near={pointed || selected} />
      <div className="stakeholder-stripe" style={{ background: style.color }} aria-hidden="true" />
      <div className="stakeholder-text">
        <NameInPlace id={s.id} name={s.name} renaming={rename.renaming} onDone={rename.stop} />
        <div className="stakeholder-label" style={{ color: style.color }} title={changed ? `The team calls them ${LABEL_STYLE[s.label].title.toLowerCase()}` : undefined}>
          <LabelIcon label={shownLabel} size={13} />
          {changed ? <span className="was-label">Now</span> : null}
          <span>{style.title}</span>
        </div>
      </div>
      {badge ? (
        // Hangs on the card's lower edge, so the card keeps its size and the map its layout.
        <div className="relationship-badge" title={badge.title} data-testid={`badge-${s.id}`}>
          <span className="visually-hidden">{badge.title}</span>
          <span aria-hidden="true">{badge.text}</span>
        </div>
      ) : null}
      {flag ? (
        <div className={`finding-badge severity-${flag.severity}`} title={`${flag.count} finding${flag.count > 1 ? 's' : ''}`}>
          <span className="visually-hidden">{SEVERITY_TEXT[flag.severity]}: </span>
          {flag.severity === 'error' ? '!' : flag.severity === 'warning' ? '!' : 'i'}
          {flag.count > 1 ? <sup>{flag.count}</sup> : null}
        </div>
      ) : null}
    </div>
  );
}

export const StakeholderNode = memo(StakeholderNodeView);
