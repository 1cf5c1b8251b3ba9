import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import {
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type Viewport,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { type Label, type StakeMap } from '../domain';
import { EMPTY_SELECTION, useStakemap } from '../store';
import { addStakeholderAt, connectStakeholders, drag, nudge, run } from '../commands';
import { useCardDrag } from './useCardDrag';
import { BOUNDARY_ID, createEdgeProjector, createNodeProjector, type CanvasNode, type RelationEdge as RelationEdgeType } from './adapter';
import { applyDrag } from './drag';
import { selectionAfter } from './selection';
import { StakeholderNode } from './StakeholderNode';
import { BoundaryNode, OrganizationNode } from './OrganizationNode';
import { RelationEdge } from './RelationEdge';
import { FarCanvas } from './FarCanvas';
import { ThroughLines } from './ThroughLines';
import { useShown } from './useRegion';
import { DotGrid } from './DotGrid';
import { KindPicker } from './KindPicker';
import { setCanvasApi } from '../services/canvasApi';
import { useCanvasFlags } from './flags';
import { LABEL_STYLE } from '../drawing/theme';
import { CanvasViewContext } from './view';
import { EdgeLayoutContext, EdgeLayoutStore, useEdgeLayouts } from './edgeLayout';
import { useDetailInBatches, useFarView } from './motion';
import { fitWholeMap, openingViewport, revealOnCanvas, useWholeMapInView, wholeBounds } from './viewFit';
import { useInverseZoom } from './handleSize';
import { DropNotice } from './DropNotice';
import { Maximize } from 'lucide-react';
import { useCardBadges } from './badges';
import { BadgeOption } from './BadgeOption';
import { LivePresence, sendPointer } from './LivePresence';
import { useLive } from '../services/live';
import { useViewRequests } from './useViewRequests';

// Module level: defining these inside a component would re-mount every node.
const nodeTypes = { stakeholder: StakeholderNode, organization: OrganizationNode, boundary: BoundaryNode };
const edgeTypes = { relation: RelationEdge };
import { PALETTE_MIME } from '../ui/dnd';
/** Above this many stakeholders, zooming out draws the simplified view until the wheel rests (motion.ts). */
const LARGE_MAP = 300;
/** Zoomed out at most this far, unless the whole map needs more to fit (see `opening`). */
const MIN_ZOOM = 0.1;
// Props given to React Flow as constants: a new object or function each
// render would be written into its store on every frame of a drag.
const FIT_ON_OPEN = { padding: 0.15, maxZoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];

const isValidConnection = (c: Connection | RelationEdgeType): boolean => c.source !== c.target && c.source !== BOUNDARY_ID && c.target !== BOUNDARY_ID;

export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}

function CanvasInner() {
  const map = useStakemap((s) => s.map) as StakeMap;
  const selection = useStakemap((s) => s.selection);
  const { flags, highlighted, overrides } = useCanvasFlags();
  const presenting = useStakemap((s) => s.presenting);
  const [measured, setMeasured] = useState<ReadonlyMap<string, { width: number; height: number }>>(() => new Map());
  const { frozenBoundary, crossing, closeCrossing, onNodeDragStart, onNodeDragStop, startFarDrag, stopDrag } = useCardDrag();
  const projector = useMemo(() => createNodeProjector(), []);
  const edgeProjector = useMemo(() => createEdgeProjector(), []);
  // Flips only when the zoom crosses the threshold: zooming re-renders nothing else.
  const large = map.stakeholders.length > LARGE_MAP;
  const { far, onMoveStart, onMoveEnd } = useFarView(large);
  // On a large map React Flow holds only a region around the view (region.ts).
  const shown = useShown(map, large && !far);
  const domNode = useStore((s) => s.domNode);
  const labelHost = useMemo(() => domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null, [domNode]);
  const view = useMemo(() => ({ far, labelHost, fewHandles: large }), [far, labelHost, large]);
  const wrapper = useRef<HTMLDivElement>(null);
  const pointer = useRef({ x: 0, y: 0 });
  const rf = useReactFlow<CanvasNode, RelationEdgeType>();
  // The whole map in view from the very first frame: fitted here from the
  // canvas size, before React Flow renders, rather than by its fitView after
  // a first render at zoom 1 (React Flow falls back to fitView if the canvas has no size yet).
  const [opening, setOpening] = useState<{ viewport: Viewport | undefined; minZoom: number } | null>(null);
  const flowStore = useStoreApi<CanvasNode, RelationEdgeType>();
  const live = useLive((s) => s.room !== null);

  const badges = useCardBadges();
  const nodes = useMemo(
    () => projector(map, selection, measured, flags, frozenBoundary, overrides, far, badges, shown?.stakeholders ?? null),
    [projector, map, selection, measured, flags, frozenBoundary, overrides, far, badges, shown],
  );
  // None while far out (React Flow is given no edges there): projecting all 10,000 of a large map was 13 ms of the frame that went far (CPU profile).
  const edges = useMemo(
    () => edgeProjector(map, selection, highlighted, far ? NO_RELATIONS : (shown?.relations ?? null)),
    [edgeProjector, map, selection, highlighted, far, shown],
  );
  const flow = useDetailInBatches(nodes, edges, far);
  const edgeLayouts = useMemo(() => new EdgeLayoutStore(), []);
  const gestureBase = useStakemap((s) => s.gestureBase);
  useEdgeLayouts(edgeLayouts, map, gestureBase, far ? NO_RELATIONS : (shown?.relations ?? null));
  // Read by the presentation's focus (a frame later), not while rendering.
  const highlightedRef = useRef(highlighted);
  useLayoutEffect(() => {
    highlightedRef.current = highlighted;
  }, [highlighted]);
  const whole = useMemo(() => wholeBounds(map, edgeLayouts.edgeBounds(map)), [map, edgeLayouts]);
  const wholeInView = useWholeMapInView(whole);
  useInverseZoom(wrapper);
  const emphasised = useMemo(() => (selection.relations.length === 0 ? highlighted : new Set([...highlighted, ...selection.relations])), [highlighted, selection.relations]);

  useLayoutEffect(() => {
    const box = wrapper.current?.getBoundingClientRect();
    // Fitted with no lower limit: a map of thousands may need to be seen whole
    // from further out than MIN_ZOOM, and zooming out must reach that view again.
    const viewport = box && box.width > 0 && box.height > 0 ? openingViewport(whole, box) : undefined;
    // React Flow applies defaultViewport when its pane mounts; until then its
    // store says zoom 1. Saying the real zoom now spares rendering the map once
    // in full detail (and every edge) before the simplified far view.
    if (viewport) flowStore.setState({ transform: [viewport.x, viewport.y, viewport.zoom] });
    setOpening({ viewport, minZoom: Math.min(MIN_ZOOM, viewport?.zoom ?? MIN_ZOOM) });
    // Once, when the canvas opens: later changes of the map keep the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const fitWhole = useCallback(() => {
    const box = wrapper.current?.getBoundingClientRect();
    const current = useStakemap.getState().map;
    // A large map jumps: animated, the zooms between detail and far would mount and drop hundreds of cards a frame.
    if (box && current) fitWholeMap(rf, wholeBounds(current, edgeLayouts.edgeBounds(current)), box, current.stakeholders.length > LARGE_MAP ? 0 : undefined);
  }, [rf, edgeLayouts]);

  useEffect(() => {
    setCanvasApi({
      viewCenter: () => {
        const box = wrapper.current?.getBoundingClientRect();
        if (!box) return { x: 0, y: 0 };
        return rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      },
      fitView: () => fitWhole(),
      reveal: (rect) => {
        const box = wrapper.current?.getBoundingClientRect();
        const current = useStakemap.getState().map;
        if (box && current) revealOnCanvas(rf, wholeBounds(current, edgeLayouts.edgeBounds(current)), rect, box, wrapper.current?.querySelector('.react-flow__minimap')?.getBoundingClientRect() ?? null);
      },
    });
    return () => setCanvasApi(null);
  }, [rf, fitWhole, edgeLayouts]);

  useViewRequests(rf, wrapper, presenting, fitWhole, highlightedRef);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const state = useStakemap.getState();
    const sizes = changes.filter((c) => c.type === 'dimensions' && c.dimensions);
    if (sizes.length > 0) {
      setMeasured((old) => {
        const next = new Map(old);
        for (const c of sizes) if (c.type === 'dimensions' && c.dimensions) next.set(c.id, c.dimensions);
        return next;
      });
    }
    const nextSelection = selectionAfter(state.selection, changes, []);
    if (nextSelection !== state.selection) state.select(nextSelection);
    const moves = changes.filter((c) => c.type === 'position' && c.position);
    if (moves.length > 0 && state.gestureBase) {
      const base = state.gestureBase;
      drag.preview((m) => applyDrag(m, base, moves));
    } else if (moves.length > 0) {
      run(nudge, (m) => applyDrag(m, m, moves));
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<RelationEdgeType>[]) => {
    const state = useStakemap.getState();
    const next = selectionAfter(state.selection, [], changes);
    if (next !== state.selection) state.select(next);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const box = wrapper.current?.getBoundingClientRect();
    const at = box ? { x: pointer.current.x - box.left, y: pointer.current.y - box.top } : undefined;
    run(connectStakeholders, c.source, c.target, at);
  }, []);

  const onDoubleClick = useCallback(
    (e: ReactMouseEvent) => {
      if (!(e.target as HTMLElement).classList.contains('react-flow__pane')) return;
      run(addStakeholderAt, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [rf],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      const label = e.dataTransfer.getData(PALETTE_MIME) as Label;
      if (!label || !(label in LABEL_STYLE)) return;
      e.preventDefault();
      run(addStakeholderAt, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }), label);
    },
    [rf],
  );

  return (
    <div
      className="canvas"
      ref={wrapper}
      onDoubleClick={onDoubleClick}
      onPointerMove={(e) => {
        pointer.current = { x: e.clientX, y: e.clientY };
        if (live) sendPointer(rf.screenToFlowPosition(pointer.current));
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(PALETTE_MIME)) e.preventDefault();
      }}
      onDrop={onDrop}
    >
      <CanvasViewContext.Provider value={view}>
      <EdgeLayoutContext.Provider value={edgeLayouts}>
      {opening ? (
      <ReactFlow<CanvasNode, RelationEdgeType>
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={28}
        zoomOnDoubleClick={false}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        minZoom={opening.minZoom}
        maxZoom={2.5}
        nodesDraggable={!presenting}
        nodesConnectable={!presenting}
        elementsSelectable={!presenting}
        // Always: switched off for far, React Flow rendered every node it still held
        // (its nodes follow ours an effect later) before dropping them for the far view.
        onlyRenderVisibleElements
        onPaneClick={clearSelection}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        defaultViewport={opening.viewport}
        fitView={opening.viewport === undefined}
        fitViewOptions={FIT_ON_OPEN}
        proOptions={PRO_OPTIONS}
        aria-label="Map canvas"
      >
        {far ? null : <DotGrid gap={24} size={1.2} />}
        {/* Zoomed far out, the canvas itself is the overview; the minimap's
            thousand shapes would only be drawn again at every step of a zoom. */}
        {/* The minimap gets out of the way when the whole map is in view (it
            would only cover cards) and when presenting, as the zoom buttons do. */}
        {/* Nor on a large map, where React Flow holds only the region around the view (region.ts): its minimap would show that region as the whole. */}
        {far || presenting || wholeInView || shown ? null : <MiniMap pannable zoomable ariaLabel="Minimap" nodeColor={minimapColor} nodeStrokeWidth={2} />}
        {presenting ? null : (
          <Controls showInteractive={false} showFitView={false} orientation="horizontal">
            <ControlButton onClick={fitWhole} title="Fit the whole map in view (F)" aria-label="Fit the whole map in view">
              <Maximize aria-hidden="true" />
            </ControlButton>
            <BadgeOption on={badges} />
          </Controls>
        )}
        {live ? <LivePresence /> : null}
      </ReactFlow>
      ) : null}
      {(far || large) && domNode ? (
        <FarCanvas map={map} selected={selection.stakeholders} emphasised={emphasised} host={domNode} active={far} onDragStart={startFarDrag} onDragStop={stopDrag} />
      ) : null}
      {!far && shown && labelHost ? <ThroughLines map={map} emphasised={emphasised} region={shown.region} through={shown.through} host={labelHost} /> : null}
      </EdgeLayoutContext.Provider>
      </CanvasViewContext.Provider>
      <KindPicker />
      {crossing ? <DropNotice crossing={crossing} onClose={closeCrossing} /> : null}
    </div>
  );
}

/** A click on the empty canvas lets go of everything, also of what React Flow does not hold (the far view, a large map's other regions). */
function clearSelection(): void {
  const state = useStakemap.getState();
  const { stakeholders, relations, organization } = state.selection;
  if (stakeholders.length > 0 || relations.length > 0 || organization) state.select(EMPTY_SELECTION);
}

const NO_RELATIONS: ReadonlySet<string> = new Set();

function minimapColor(n: CanvasNode): string {
  if (n.type === 'stakeholder') return LABEL_STYLE[n.data.stakeholder.label].color;
  return n.type === 'boundary' ? '#e4ecf5' : '#1f3a5f';
}
