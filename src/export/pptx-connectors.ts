// Relations as PowerPoint connectors glued to their cards, so that a leader
// who moves a card in PowerPoint drags its relations along. pptxgenjs writes
// no connectors: the diagram marks each card and each relation's stand-in
// shape by a name of its own (`sm-card-3`, `sm-relation-5`), and once the deck
// is written the map slide's XML is edited here: each stand-in becomes a
// <p:cxnSp> whose stCxn and endCxn name the cards' shape ids, and the cards
// get their readable names back. Only ids and numbers go into the XML from
// here besides names, which are escaped. A connector runs straight between
// the sites of its cards that face each other, as every slide app draws a
// glued connector once it lays it out again (LibreOffice does on opening,
// PowerPoint when a card moves): what one app shows, the others show. Pure.
import type { Point } from '../drawing/shapes';
import type { Rect } from '../domain';
import type { Dash } from './pptx-diagram';
import { escapeXml } from './text';

/** A rectangle's connection sites in OOXML (roundRect too): top, left, bottom, right. */
export const SITE = { top: 0, left: 1, bottom: 2, right: 3 } as const;

export interface Connector {
  /** The name shown in PowerPoint's selection pane. */
  readonly name: string;
  /** Card markers (keys of Glue.cards) at either end. */
  readonly from: string;
  readonly to: string;
  /** Ends on the slide, in inches. */
  readonly start: Point;
  readonly end: Point;
  readonly startSite: number;
  readonly endSite: number;
  readonly color: string;
  /** Line width in points. */
  readonly width: number;
  readonly dash: Dash;
}

export interface Glue {
  /** Card marker → the card's readable name. */
  readonly cards: Map<string, string>;
  /** Relation marker → its connector. */
  readonly connectors: Map<string, Connector>;
}

export const cardMarker = (i: number) => `sm-card-${i}`;
export const relationMarker = (i: number) => `sm-relation-${i}`;

/** The sites of `a` and of `b` that face each other: across if the cards are further apart across than down, else down. */
export function facingSites(a: Rect, b: Rect): [number, number] {
  const dx = b.x + b.width / 2 - (a.x + a.width / 2);
  const dy = b.y + b.height / 2 - (a.y + a.height / 2);
  const across = Math.abs(dx) - (a.width + b.width) / 2 >= Math.abs(dy) - (a.height + b.height) / 2;
  if (across) return dx >= 0 ? [SITE.right, SITE.left] : [SITE.left, SITE.right];
  return dy >= 0 ? [SITE.bottom, SITE.top] : [SITE.top, SITE.bottom];
}

/** Where connection site `idx` of a rectangle is: the middle of one of its sides. */
export function sitePoint(b: Rect, idx: number): Point {
  switch (idx) {
    case SITE.top:
      return { x: b.x + b.width / 2, y: b.y };
    case SITE.left:
      return { x: b.x, y: b.y + b.height / 2 };
    case SITE.bottom:
      return { x: b.x + b.width / 2, y: b.y + b.height };
    default:
      return { x: b.x + b.width, y: b.y + b.height / 2 };
  }
}

const EMU = 914_400;
const emu = (inches: number) => Math.round(inches * EMU);

function connectorXml(id: number, c: Connector, fromId: number, toId: number): string {
  const x = Math.min(c.start.x, c.end.x);
  const y = Math.min(c.start.y, c.end.y);
  const flip = (c.end.x < c.start.x ? ' flipH="1"' : '') + (c.end.y < c.start.y ? ' flipV="1"' : '');
  return (
    `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="${id}" name="${escapeXml(c.name)}"/>` +
    `<p:cNvCxnSpPr><a:stCxn id="${fromId}" idx="${c.startSite}"/><a:endCxn id="${toId}" idx="${c.endSite}"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>` +
    `<p:spPr><a:xfrm${flip}><a:off x="${emu(x)}" y="${emu(y)}"/><a:ext cx="${emu(Math.abs(c.end.x - c.start.x))}" cy="${emu(Math.abs(c.end.y - c.start.y))}"/></a:xfrm>` +
    `<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>` +
    `<a:ln w="${Math.round(c.width * 12_700)}"><a:solidFill><a:srgbClr val="${c.color}"/></a:solidFill><a:prstDash val="${c.dash}"/><a:round/><a:tailEnd type="triangle"/></a:ln>` +
    `</p:spPr></p:cxnSp>`
  );
}

/** The slide's XML with each relation stand-in replaced by a glued connector and the cards' names restored. One pass over the shapes: a deck of a thousand relations is written as quickly. */
export function glueConnectors(xml: string, glue: Glue): string {
  const ids = new Map<string, number>();
  for (const m of xml.matchAll(/<p:cNvPr id="(\d+)" name="(sm-card-\d+)"/g)) ids.set(m[2]!, Number(m[1]));
  const missing = [...glue.cards.keys()].find((marker) => !ids.has(marker));
  if (missing) throw new Error(`The slide has no shape ${missing}.`);
  const done = new Set<string>();
  // Each piece ends where a shape closes: the stand-ins are replaced whole, their closing tag too.
  const pieces = xml.split('</p:sp>');
  let out = '';
  pieces.forEach((piece, i) => {
    const close = i < pieces.length - 1 ? '</p:sp>' : '';
    const m = /<p:cNvPr id="(\d+)" name="(sm-(?:card|relation)-\d+)"/.exec(piece);
    const card = m ? glue.cards.get(m[2]!) : undefined;
    const c = m ? glue.connectors.get(m[2]!) : undefined;
    const start = piece.lastIndexOf('<p:sp>');
    if (m && card !== undefined) out += piece.replace(`name="${m[2]}"`, () => `name="${escapeXml(card)}"`) + close; // a function: "$&" in a name stays text
    else if (m && c && start >= 0) {
      out += piece.slice(0, start) + connectorXml(Number(m[1]), c, ids.get(c.from)!, ids.get(c.to)!);
      done.add(m[2]!);
    } else out += piece + close;
  });
  const lost = [...glue.connectors.keys()].find((marker) => !done.has(marker));
  if (lost) throw new Error(`The slide has no relation ${lost}.`);
  return out;
}
