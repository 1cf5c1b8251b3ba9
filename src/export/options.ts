// The choices of the export dialog, remembered between exports.
import type { Background } from './palette';

export const FORMATS = ['png', 'svg', 'pptx', 'json'] as const;
export type ExportFormat = (typeof FORMATS)[number];
export const SCALES = [1, 2, 3, 4] as const;
export type Scale = (typeof SCALES)[number];
export const BACKGROUNDS = ['white', 'dark', 'transparent', 'transparent-dark'] as const;
export const SCOPES = ['map', 'selection'] as const;
/** PowerPoint: the diagram as shapes to edit, or as one picture. */
export const DIAGRAMS = ['shapes', 'picture'] as const;
export type DiagramAs = (typeof DIAGRAMS)[number];
/** An image slide: every finding beside the map (a panel) or below it (a band). */
export const PLACES = ['beside', 'below'] as const;
export type FindingsPlace = (typeof PLACES)[number];
export type Scope = (typeof SCOPES)[number];

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly scale: Scale;
  readonly background: Background;
  readonly scope: Scope;
  /** Lay the image out as a 16:9 slide (PNG and SVG; PowerPoint always is one). */
  readonly slide: boolean;
  /** Add the summary of findings to the slide. */
  readonly findings: boolean;
  readonly findingsPlace: FindingsPlace;
  readonly diagram: DiagramAs;
  readonly anonymize: boolean;
  /** Anonymized, but the title, the organization's name and the definition in our own words kept. */
  readonly keepContext: boolean;
}

export const DEFAULT_OPTIONS: ExportOptions = {
  format: 'png',
  scale: 2,
  background: 'white',
  scope: 'map',
  slide: false,
  findings: false,
  // Maps laid out in lanes are wide: a band below leaves them more room.
  findingsPlace: 'below',
  diagram: 'shapes',
  anonymize: false,
  keepContext: false,
};

const KEY = 'stakemap.exportOptions';

const pick = <T>(allowed: readonly T[], value: unknown, fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

/** Options read back from anything: unknown or broken values fall back to the defaults. */
export function sanitizeOptions(raw: unknown): ExportOptions {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_OPTIONS;
  return {
    format: pick(FORMATS, o.format, d.format),
    scale: pick(SCALES, o.scale, d.scale),
    background: pick(BACKGROUNDS, o.background, d.background),
    scope: pick(SCOPES, o.scope, d.scope),
    slide: typeof o.slide === 'boolean' ? o.slide : d.slide,
    findings: typeof o.findings === 'boolean' ? o.findings : d.findings,
    findingsPlace: pick(PLACES, o.findingsPlace, d.findingsPlace),
    diagram: pick(DIAGRAMS, o.diagram, d.diagram),
    anonymize: typeof o.anonymize === 'boolean' ? o.anonymize : d.anonymize,
    keepContext: typeof o.keepContext === 'boolean' ? o.keepContext : d.keepContext,
  };
}

export function loadOptions(): ExportOptions {
  try {
    const text = globalThis.localStorage?.getItem(KEY);
    return sanitizeOptions(text ? JSON.parse(text) : null);
  } catch {
    return DEFAULT_OPTIONS;
  }
}

export function saveOptions(options: ExportOptions): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(options));
  } catch {
    // Not remembered; this export still uses them.
  }
}
