// The floor of the browser benchmark (issue: five thousand stakeholders): bare
// React Flow, the same version as the app, showing the same generated map as
// plain default nodes and edges, with nothing of Stakemap but the generator.
// React Flow as its documentation sets it up: controlled nodes, fitView.
// `?stakeholders=&relations=&seed=` as the app's #/dev/generate route.
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { applyNodeChanges, ReactFlow, type Edge, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { generateMap } from '../../../src/domain/generate';

const query = new URLSearchParams(location.search);
const number = (key: string, fallback: number) => Number(query.get(key) ?? fallback);
const map = generateMap({ stakeholders: number('stakeholders', 1000), relations: number('relations', 2000), seed: number('seed', 1) });

const initialNodes: Node[] = [
  { id: 'us', position: map.organization.position ?? { x: 0, y: 0 }, data: { label: map.organization.name } },
  ...map.stakeholders.map((s) => ({ id: s.id, position: s.position ?? { x: 0, y: 0 }, data: { label: s.name } })),
];
const edges: Edge[] = map.relations.map((r) => ({ id: r.id, source: r.from, target: r.to }));

function Bare() {
  const [nodes, setNodes] = useState(initialNodes);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  return <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} minZoom={0.02} fitView />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Bare />
  </StrictMode>,
);
