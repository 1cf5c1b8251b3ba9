import { memo } from 'react';
import { Handle, Position, useConnection, type NodeProps } from '@xyflow/react';
import { LabelIcon } from '../ui/icons';
import { LABEL_STYLE } from '../drawing/theme';
import { NameInPlace, useRenaming } from './NameInPlace';
import type { StakeholderNode as StakeholderNodeType } from './adapter';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

/**
 * Four small dots start a relation (loose connection mode lets any of them end
 * one too); while a relation is being drawn, the whole node becomes a drop
 * target, so letting go anywhere on it connects.
 */
export function NodeHandles() {
  const connecting = useConnection((c) => c.inProgress);
  return (
    <>
      {SIDES.map((side) => (
        <Handle key={side} id={side} type="source" position={side} className="node-handle" />
      ))}
      <Handle
        id="body"
        type="target"
        position={Position.Top}
        isConnectableStart={false}
        className={`node-body-handle${connecting ? ' is-active' : ''}`}
      />
    </>
  );
}

const SEVERITY_TEXT = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

function StakeholderNodeView({ data, selected }: NodeProps<StakeholderNodeType>) {
  const { stakeholder: s, flag, shownLabel, badge } = data;
  const style = LABEL_STYLE[shownLabel];
  const changed = shownLabel !== s.label;
  const rename = useRenaming();
  return (
    <div
      className={`stakeholder-node side-${s.side}${selected ? ' is-selected' : ''}`}
      style={{ borderColor: style.color, background: style.tint }}
      data-label={shownLabel}
      data-side={s.side}
      data-testid={`node-${s.id}`}
      onDoubleClick={rename.start}
    >
      <NodeHandles />
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
