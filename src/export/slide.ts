// The 16:9 slide as SVG: the blocks of slide-layout.ts and the diagram,
// scaled into its place.
import { LABEL_STYLE } from '../drawing/theme';
import { r } from './glyphs';
import { paletteFor } from './palette';
import type { Scene } from './scene';
import { slideScene } from './slide-fit';
import { type Block, type FindingsOnSlide, type SlideLayout } from './slide-layout';
import { arrowHead, baselineShift, describeScene, drawScene, strokeAttrs, svgDocument, type DiagramOptions, type SvgDocument } from './svg';
import { escapeXml, FONT_ATTR } from './text';
import { CAPS_SPACING } from './slide-flow';

export interface SlideOptions extends DiagramOptions {
  readonly findings: FindingsOnSlide | boolean;
}

export function slideSvg(drawn: Scene, o: SlideOptions): SvgDocument & { layout: SlideLayout; scene: Scene } {
  const p = paletteFor(o.background);
  // A small map drawn so that its names read on the slide (slide-fit.ts).
  const { scene, layout } = slideScene(drawn, p, o.findings);
  const { placed, source, scale } = layout.diagram;
  const tx = placed.x - source.x * scale;
  const ty = placed.y - source.y * scale;
  const body =
    layout.blocks.map(drawBlock).join('') +
    `<g data-layer="diagram" transform="translate(${r(tx)} ${r(ty)}) scale(${Number(scale.toFixed(5))})">` +
    drawScene(scene, p) +
    '</g>';
  const svg = svgDocument(layout.width, layout.height, `0 0 ${layout.width} ${layout.height}`, body, { ...o, desc: describeScene(scene) });
  return { svg, width: layout.width, height: layout.height, layout, scene };
}

export function drawBlock(b: Block): string {
  switch (b.t) {
    case 'text': {
      const lines = b.lines
        .map((line, i) => {
          const y = b.y + i * b.lineHeight + b.lineHeight / 2 + baselineShift(b.size);
          const attrs =
            `x="${r(b.x)}" y="${r(y)}" font-size="${b.size}" fill="${b.color}"` +
            (b.bold ? ' font-weight="700"' : '') +
            (b.italic ? ' font-style="italic"' : '') +
            (b.caps ? ` letter-spacing="${CAPS_SPACING}"` : '');
          return `<text${FONT_ATTR} ${attrs}>${escapeXml(b.caps ? line.toUpperCase() : line)}</text>`;
        })
        .join('');
      return b.group ? `<g data-${b.group.startsWith('finding-') ? `finding="${b.group.slice(8)}"` : 'findings-more="1"'}>${lines}</g>` : lines;
    }
    case 'panel':
      return `<rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" rx="18" fill="${b.fill}" stroke="${b.stroke}" stroke-width="1.5"/>`;
    case 'bar':
      return `<rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" rx="${r(b.h / 2)}" fill="${b.fill}"/>`;
    case 'swatch': {
      const s = LABEL_STYLE[b.label];
      return (
        `<g data-legend-label="${b.label}"><rect x="${r(b.x + 1)}" y="${r(b.y + 1)}" width="${r(b.w - 2)}" height="${r(b.h - 2)}" rx="6" fill="${s.tint}" stroke="${s.color}" stroke-width="2"/>` +
        `<rect x="${r(b.x + 2)}" y="${r(b.y + 2)}" width="${r(b.w * 0.16)}" height="${r(b.h - 4)}" rx="2" fill="${s.color}"/></g>`
      );
    }
    case 'kind': {
      // Drawn at the diagram's scale: the same width, dashes and arrowhead as its relations.
      const k = Math.max(b.scale ?? 1, 0.6);
      const tip = { x: b.x + b.w, y: b.y };
      return (
        `<g data-legend-kind="${b.kind}"><path d="M ${r(b.x)},${r(b.y)} L ${r(tip.x - 8 * k)},${r(b.y)}" fill="none" ${strokeAttrs(b.kind, b.color, k, k)}/>` +
        `<path d="${arrowHead(tip, { x: 1, y: 0 }, k)}" fill="${b.color}"/></g>`
      );
    }
    case 'dot':
      return `<circle cx="${r(b.cx)}" cy="${r(b.cy)}" r="${r(b.r)}" fill="${b.fill}"/>`;
  }
}

