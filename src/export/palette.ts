// Colours of exports: the canvas's (src/canvas/theme.ts) on white or on a
// transparent background, and a dark variant whose lines and words are
// lightened so they keep their contrast on a dark slide.
import type { Kind, Label } from '../domain';
import { KIND_STYLE, LABEL_STYLE } from '../drawing/theme';

/** `transparent-dark`: no background, in the dark palette, for placing on a dark slide. */
export type Background = 'white' | 'dark' | 'transparent' | 'transparent-dark';

export interface Palette {
  readonly background: string | null;
  readonly ink: string;
  readonly inkSoft: string;
  readonly brand: string;
  readonly accent: string;
  readonly boundaryStroke: string;
  readonly boundaryFill: string;
  readonly boundaryFillOpacity: number;
  readonly boundaryText: string;
  /** Fill behind words drawn over lines: edge pills, the boundary tab. */
  readonly chip: string;
  readonly panel: string;
  readonly panelStroke: string;
  readonly orgFill: string;
  readonly orgStroke: string;
  kind(kind: Kind): string;
  label(label: Label): string;
}

/** `hex` mixed with white by `amount` (0..1). */
export function lighten(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** `fg` at `alpha` over `bg`, as one opaque colour: renderers differ on fill-opacity (ImageMagick's fills solid). */
export function over(fg: string, bg: string, alpha: number): string {
  const a = parseInt(fg.slice(1), 16);
  const b = parseInt(bg.slice(1), 16);
  const mix = (shift: number) => Math.round(((a >> shift) & 255) * alpha + ((b >> shift) & 255) * (1 - alpha));
  return `#${((1 << 24) | (mix(16) << 16) | (mix(8) << 8) | mix(0)).toString(16).slice(1)}`;
}

const LIGHT: Palette = {
  background: '#ffffff',
  ink: '#17212b',
  inkSoft: '#4a5868',
  brand: '#1f3a5f',
  accent: '#ffd166',
  boundaryStroke: '#7d93ad',
  boundaryFill: over('#1f3a5f', '#ffffff', 0.045),
  boundaryFillOpacity: 1,
  boundaryText: '#1f3a5f',
  chip: '#ffffff',
  panel: '#f4f6f9',
  panelStroke: '#d5dde6',
  orgFill: '#1f3a5f',
  orgStroke: '#1f3a5f',
  kind: (k) => KIND_STYLE[k].color,
  label: (l) => LABEL_STYLE[l].color,
};

const DARK: Palette = {
  background: '#111a24',
  ink: '#eef2f7',
  inkSoft: '#aab7c6',
  brand: '#c9d8ea',
  accent: '#ffd166',
  boundaryStroke: '#6f87a3',
  boundaryFill: over('#ffffff', '#111a24', 0.04),
  boundaryFillOpacity: 1,
  boundaryText: '#c9d8ea',
  chip: '#111a24',
  panel: '#1a2633',
  panelStroke: '#2c3b4d',
  orgFill: '#2a5183',
  orgStroke: '#6f93c0',
  kind: (k) => lighten(KIND_STYLE[k].color, 0.45),
  label: (l) => lighten(LABEL_STYLE[l].color, 0.45),
};

export function paletteFor(background: Background): Palette {
  if (background === 'dark') return DARK;
  // Without a background the tint must stay see-through: the slide's own colour shows under it.
  if (background === 'transparent') return { ...LIGHT, background: null, boundaryFill: '#1f3a5f', boundaryFillOpacity: 0.045 };
  if (background === 'transparent-dark') return { ...DARK, background: null, boundaryFill: '#ffffff', boundaryFillOpacity: 0.04 };
  return LIGHT;
}
