// The workshop report as extra slides after the map's slide: the definition,
// findings at the start and now, relabels, votes, the breakout comparison.
// Every word is a plain text run (pptxgenjs escapes it for the XML), so a
// name is only ever text on a slide too.
import type PptxGenJS from 'pptxgenjs';
import type { FindingsAt, Report, ReportSection } from '../domain';
import { labelName, percent, SEVERITY_TITLE, tallyText, voteHeading, when } from './report-text';

/** Lines that fit one 16:9 slide at the body size; the rest is counted, not cut silently. */
export const SLIDE_LINES = 14;

interface Line {
  readonly text: string;
  readonly bold?: boolean;
  readonly bullet?: boolean;
}

function findingLines(label: string, f: FindingsAt): Line[] {
  return [
    { text: label, bold: true },
    { text: f.sentence },
    ...(f.findings.length === 0 ? [{ text: 'No findings: the map agrees with its labels.', bullet: true }] : f.findings.map((x) => ({ text: `${SEVERITY_TITLE[x.severity]}: ${x.message}`, bullet: true }))),
  ];
}

/** A section's body as lines (null: the section has no slide of its own, like the map's, which is the deck's first slide). */
export function slideLines(s: ReportSection): Line[] | null {
  switch (s.kind) {
    case 'definition':
      return [{ text: s.name, bold: true }, { text: s.statement }, ...(s.note ? [{ text: 'In our own words:', bold: true }, { text: s.note }] : [])];
    case 'map':
      return null;
    case 'findings': {
      const lines: Line[] = s.change ? [{ text: s.change, bold: true }] : [];
      if (s.first) lines.push(...findingLines(`At the start (${s.first.at === null ? '' : when(s.first.at)})`, s.first));
      lines.push(...findingLines('Now', s.now));
      return lines;
    }
    case 'relabels':
      return s.relabels.length === 0
        ? [{ text: 'No stakeholder was relabelled.' }]
        : s.relabels.map((r) => ({ text: `${r.name}: ${labelName(r.from)} → ${labelName(r.to)}. ${r.reason}`, bullet: true }));
    case 'votes': {
      const lines: Line[] = [];
      if (s.disagreements.length > 0) {
        lines.push({ text: 'Open disagreements, most first', bold: true });
        for (const t of s.disagreements) lines.push({ text: `${t.name}: ${percent(t.agreement)} agree; ${tallyText(t, false)}`, bullet: true });
      } else lines.push({ text: 'No open disagreement: the room agreed, and with the map.', bold: true });
      for (const v of s.votes) {
        lines.push({ text: voteHeading(v), bold: true });
        for (const t of v.tallies) lines.push({ text: `${t.name}: ${tallyText(t, v.askPrimary)}`, bullet: true });
      }
      return lines;
    }
    case 'comparison':
      return s.teams.map((t) => ({
        text: `${t.team}: ${t.stakeholders} stakeholders; calls customers: ${t.customers.join(', ') || 'none'}; ${t.findings} findings.`,
        bullet: true,
      }));
  }
}

/** Adds one slide per section (the map's aside) to a deck in LAYOUT_WIDE. */
export function addReportSlides(pptx: PptxGenJS, report: Report, colors: { ink: string; soft: string; background: string }): number {
  let added = 0;
  for (const s of report.sections) {
    const lines = slideLines(s);
    if (!lines) continue;
    const slide = pptx.addSlide();
    slide.background = { color: colors.background };
    slide.addText(s.title, { x: 0.6, y: 0.4, w: 12.1, h: 0.8, fontFace: 'Arial', fontSize: 28, bold: true, color: colors.ink, margin: 0, fit: 'shrink' });
    const shown = lines.slice(0, SLIDE_LINES);
    const more = lines.length - shown.length;
    const runs = [...shown, ...(more > 0 ? [{ text: `…and ${more} more in the printed report.` }] : [])].map((l, i, all) => ({
      text: l.text,
      options: { bold: 'bold' in l ? l.bold === true : false, bullet: 'bullet' in l && l.bullet === true ? { indent: 18 } : false, breakLine: i < all.length - 1 },
    }));
    slide.addText(runs, { x: 0.6, y: 1.35, w: 12.1, h: 5.7, fontFace: 'Arial', fontSize: 16, color: colors.ink, valign: 'top', paraSpaceAfter: 6, margin: 0, fit: 'shrink' });
    slide.addText(`${report.title} · workshop report`, { x: 0.6, y: 7.0, w: 12.1, h: 0.3, fontFace: 'Arial', fontSize: 10, color: colors.soft, margin: 0 });
    added++;
  }
  return added;
}
