// The grids over the canvas: the same map seen by relationship (depth across,
// value up) or by power and interest. The side panel stays beside it, so
// choosing a dot selects the stakeholder and its inspector shows at once.
import { useMemo, useRef, useState } from 'react';
import { X } from 'lucide-react';
import { mapFileName } from '../services/download';
import { useStakemap } from '../store';
import { rulesMap } from '../store/findings';
import { LABEL_STYLE } from '../drawing/theme';
import { GRID_AXES, GRID_QUADRANTS, GRID_TITLES as TITLES, gridOf, type GridData } from '../domain/grids';
import { useGridView, type GridKind } from './viewStore';
import { downloadGrid, downloadGridSlide } from './gridExport';
import './grid.css';

const W = 760;
const H = 460;
const M = { left: 84, right: 24, top: 52, bottom: 54 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;
/** A band below the zero line, inside the frame, for the bottom quadrants' names: no dot goes there. */
const STRIP = 26;


export function GridPanel({ kind }: { kind: GridKind }) {
  // The rules' map stays the same object through a drag (no redraw), but it
  // keeps no title or currency the rules ignore: those are read as they are.
  const ruled = useStakemap((s) => s.map && rulesMap(s.map));
  const title = useStakemap((s) => s.map?.title ?? '');
  const currency = useStakemap((s) => s.map?.currency);
  const map = useMemo(() => (ruled ? { ...ruled, title, currency } : null), [ruled, title, currency]);
  const selected = useStakemap((s) => s.selection.stakeholders);
  const show = useGridView((s) => s.show);
  const svg = useRef<SVGSVGElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const data = useMemo(() => (map ? gridOf(map, kind) : null), [map, kind]);
  if (!map || !data) return null;
  const pick = (id: string) => {
    useStakemap.getState().select({ stakeholders: [id] });
    useStakemap.getState().setSideTab('details');
  };
  // A download that fails says why, beside the buttons, instead of nothing happening.
  const save = (make: () => Promise<void>) => {
    setFailed(null);
    make().catch((why: unknown) => setFailed(`The download failed: ${why instanceof Error ? why.message : String(why)}`));
  };
  const name = mapFileName(`${map.title} ${TITLES[kind].toLowerCase()}`).replace(/\.stakemap\.json$/, '');
  return (
    <section className="grid-overlay" aria-label={TITLES[kind]} data-testid="grid-view">
      <header className="grid-overlay-bar">
        <div className="tabs" role="tablist" aria-label="Views of the map">
          {(['relationship', 'power'] as const).map((k) => (
            <button key={k} type="button" role="tab" className="tab" aria-selected={k === kind} onClick={() => show(k)}>
              {TITLES[k]}
            </button>
          ))}
        </div>
        <div className="grid-overlay-actions">
          <button type="button" className="button" onClick={() => svg.current && save(() => downloadGrid(svg.current!, name, 'svg'))}>
            SVG
          </button>
          <button type="button" className="button" onClick={() => svg.current && save(() => downloadGrid(svg.current!, name, 'png'))}>
            PNG
          </button>
          <button type="button" className="button" title="A PowerPoint slide (16:9) of this grid" onClick={() => save(() => downloadGridSlide(useStakemap.getState().map ?? map, kind, name))}>
            Slide
          </button>
          <button type="button" className="button ghost" onClick={() => show(null)} aria-label="Close the grid">
            <X size={18} aria-hidden="true" />
          </button>
        </div>
      </header>
      {failed ? (
        <p className="grid-failed" role="alert">
          {failed}
        </p>
      ) : null}
      <div className="grid-overlay-body">
        <GridSvg svgRef={svg} kind={kind} data={data} selected={selected} onPick={pick} title={`${map.title}: ${TITLES[kind].toLowerCase()}`} />
        <Unplaced kind={kind} data={data} onPick={pick} />
      </div>
    </section>
  );
}

function GridSvg({ svgRef, kind, data, selected, onPick, title }: { svgRef: React.Ref<SVGSVGElement>; kind: GridKind; data: GridData; selected: readonly string[]; onPick: (id: string) => void; title: string }) {
  const px = (x: number) => M.left + x * PW;
  const py = (y: number) => M.top + (1 - y) * (PH - STRIP);
  const [bottomLeft, bottomRight, topLeft, topRight] = GRID_QUADRANTS[kind];
  return (
    <svg ref={svgRef} className="grid-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg" fontFamily="system-ui, sans-serif">
      <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
      <rect x={px(0.5)} y={py(1)} width={PW / 2} height={py(0.5) - py(1)} fill="#eef4ff" />
      {/* The quadrants are named where no dot goes: the top ones above the
          frame (the largest values reach its top), the bottom ones in a band
          below the zero line. As on the slide (src/export/grid-slide.ts). */}
      <text x={px(0)} y={M.top - 8} fontSize={13} fontWeight={600} fill="#475467">{topLeft.name}</text>
      <text x={px(1)} y={M.top - 24} textAnchor="end" fontSize={13} fontWeight={600} fill="#175cd3">{topRight.name}</text>
      <text x={px(1)} y={M.top - 8} textAnchor="end" fontSize={12} fill="#175cd3">{topRight.hint}</text>
      <text x={px(0) + 8} y={M.top + PH - 7} fontSize={13} fontWeight={600} fill="#475467">{bottomLeft.name}</text>
      <text x={px(1) - 8} y={M.top + PH - 7} textAnchor="end" fontSize={13} fontWeight={600} fill="#475467">{bottomRight.name}</text>
      {kind === 'relationship' ? <line x1={px(0)} x2={px(1)} y1={py(0)} y2={py(0)} stroke="#eaecf0" /> : null}
      <rect x={px(0)} y={py(1)} width={PW} height={PH} fill="none" stroke="#98a2b3" />
      <line x1={px(0.5)} x2={px(0.5)} y1={M.top + PH} y2={py(1)} stroke="#d0d5dd" strokeDasharray="4 4" />
      <line x1={px(0)} x2={px(1)} y1={py(0.5)} y2={py(0.5)} stroke="#d0d5dd" strokeDasharray="4 4" />
      {data.xTicks.map((t) => (
        <text key={`x${t.at}`} x={px(t.at)} y={H - M.bottom + 18} textAnchor="middle" fontSize={12} fill="#344054">{t.text}</text>
      ))}
      {data.yTicks.map((t) => (
        <text key={`y${t.at}`} x={M.left - 8} y={py(t.at) + 4} textAnchor="end" fontSize={12} fill="#344054">{t.text}</text>
      ))}
      <text x={px(0.5)} y={H - 10} textAnchor="middle" fontSize={12} fontWeight={600} fill="#101828">{GRID_AXES[kind].x}</text>
      <text transform={`translate(16 ${M.top + PH / 2}) rotate(-90)`} textAnchor="middle" fontSize={12} fontWeight={600} fill="#101828">{GRID_AXES[kind].y}</text>
      {data.dots.map((d) => {
        const on = selected.includes(d.id);
        const color = LABEL_STYLE[d.label].color;
        const x = px(d.x);
        const y = py(d.y);
        const short = [...d.name].length > 22 ? `${[...d.name].slice(0, 21).join('')}…` : d.name;
        return (
          <g
            key={d.id}
            className="grid-dot"
            role="button"
            tabIndex={0}
            aria-label={`${d.name}: ${d.detail}`}
            aria-pressed={on}
            data-testid={`grid-dot-${d.id}`}
            data-x={d.x.toFixed(4)}
            data-y={d.y.toFixed(4)}
            onClick={() => onPick(d.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onPick(d.id);
              }
            }}
          >
            <title>{`${d.name}: ${d.detail}`}</title>
            <circle cx={x} cy={y} r={on ? 9 : 7} fill={color} stroke={on ? '#101828' : '#ffffff'} strokeWidth={2} />
            {/* Near the right edge the name goes to the left of its dot, so it stays inside the drawing. */}
            <text x={d.x > 0.7 ? x - 11 : x + 11} y={y + 4} textAnchor={d.x > 0.7 ? 'end' : 'start'} fontSize={12} fill="#101828">{short}</text>
          </g>
        );
      })}
    </svg>
  );
}

function Unplaced({ kind, data, onPick }: { kind: GridKind; data: GridData; onPick: (id: string) => void }) {
  if (data.unplaced.length === 0) return null;
  return (
    <div className="grid-unplaced" data-testid="grid-unplaced">
      <h3>Not on the grid yet</h3>
      <p className="field-hint">{kind === 'relationship' ? 'Set a depth and a value in the inspector to place them.' : 'Set power and interest in the inspector to place them.'}</p>
      <ul>
        {data.unplaced.map((u) => (
          <li key={u.id}>
            <button type="button" className="link-button map-text" onClick={() => onPick(u.id)}>
              {u.name}
            </button>{' '}
            <span className="field-hint">({u.missing})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
