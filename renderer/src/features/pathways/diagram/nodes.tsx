import { Handle, Position, type NodeProps } from '@xyflow/react';
import { levelCue } from '../model/notation.ts';
import type { CompartmentFlowNode, EntityFlowNode } from './flow.ts';

/** A molecule, cell or process; drawn at exactly the layout's size (label wrapped inside). */
export function EntityNode({ data }: NodeProps<EntityFlowNode>) {
  const { decor } = data;
  const classes = [
    'pw-node',
    data.phenotype ? 'pw-node-phenotype' : 'pw-node-agent',
    `pw-state-${decor.state ?? 'normal'}`,
    decor.masked ? 'pw-node-masked' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <Handle
        type="target"
        position={Position.Left}
        isConnectable={data.connectable}
        className="pw-handle"
      />
      <span className="pw-node-label" aria-hidden="true">
        {data.name}
      </span>
      {data.level && !decor.masked && (
        <span className={`pw-level pw-level-${data.level}`} aria-hidden="true">
          {levelCue[data.level]}
        </span>
      )}
      {decor.badge && (
        <span
          className={`pw-badge${decor.badge.tone ? ` pw-badge-${decor.badge.tone}` : ''}`}
          aria-hidden="true"
        >
          {decor.badge.text}
        </span>
      )}
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={data.connectable}
        className="pw-handle"
      />
    </div>
  );
}

/** A compartment: a labelled group that holds its nodes. */
export function CompartmentNode({ data }: NodeProps<CompartmentFlowNode>) {
  return (
    <div className="pw-compartment">
      <span className="pw-compartment-label">{data.name}</span>
    </div>
  );
}
