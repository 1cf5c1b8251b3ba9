import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Building2 } from 'lucide-react';
import { NodeHandles } from './StakeholderNode';
import { NameInPlace, useRenaming } from './NameInPlace';
import type { BoundaryNode as BoundaryNodeType, OrganizationNode as OrganizationNodeType } from './adapter';

function OrganizationNodeView({ data, selected }: NodeProps<OrganizationNodeType>) {
  const rename = useRenaming();
  return (
    <div className={`organization-node${selected ? ' is-selected' : ''}`} data-testid="node-us" onDoubleClick={rename.start}>
      <NodeHandles near />
      <div className="stakeholder-text">
        <NameInPlace id="us" name={data.name} org renaming={rename.renaming} onDone={rename.stop} />
        <div className="stakeholder-label">
          <Building2 size={13} aria-hidden="true" strokeWidth={2.2} />
          <span>Us</span>
        </div>
      </div>
    </div>
  );
}

export const OrganizationNode = memo(OrganizationNodeView);

/** The organization's edge: drop a stakeholder inside and it becomes internal. */
function BoundaryNodeView({ data }: NodeProps<BoundaryNodeType>) {
  return (
    <div className="boundary-node" style={{ width: data.width, height: data.height }} data-testid="boundary">
      <div className="boundary-handle" title="Drag to move the organization and everyone inside it">
        Inside <bdi>{data.name}</bdi>
      </div>
    </div>
  );
}

export const BoundaryNode = memo(BoundaryNodeView);
