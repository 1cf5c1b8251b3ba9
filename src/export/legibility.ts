// What the export dialog says about a slide's text sizes: when names, the
// legend or the findings fall below what a room reads (names 14 pt, the rest
// 12 pt), and when findings cannot all be on one image. Pure.
import type { DiagramAs, ExportFormat } from './options';
import { MIN_NAME, MIN_TEXT, type Legibility } from './slide-layout';

const pt = (n: number) => `${Number(n.toFixed(1))} pt`;

export function legibilityNotes(l: Legibility, stakeholders: number, format: ExportFormat, diagram: DiagramAs = 'shapes'): string[] {
  const notes: string[] = [];
  const missing = l.findingsTotal - l.findingsShown;
  if (format !== 'pptx' && missing > 0) {
    notes.push(`${missing} of ${l.findingsTotal} findings do not fit on one image, even at ${pt(l.textPx / 2)}: the slide counts them and says where to read them. PowerPoint gives every finding room on its own slides.`);
  } else if (l.textPx < MIN_TEXT) {
    notes.push(`To hold every finding, the legend and findings are ${pt(l.textPx / 2)}, below the 12 pt a room reads. Place the findings the other way, or choose PowerPoint, which gives findings their own slides.`);
  }
  if (stakeholders > 0 && l.namePt < MIN_NAME / 2) {
    const advice = stakeholders > 12 ? 'a map this size reads best in parts: export a selection.' : 'export a selection, or arrange the map more compactly, for larger names.';
    notes.push(`Names are ${pt(l.namePt)} on this slide (14 pt reads across a room): ${advice}`);
  }
  if (l.arranged) {
    const how = l.arranged === 'lanes' ? 'in lanes' : 'with its cards closer together';
    notes.push(`For names that read across a room, the slide draws the map ${how}; the map itself stays as it is.`);
  }
  // Slide apps give arrowheads a least size: on hundreds of tiny lines they cover the map.
  if (format === 'pptx' && diagram === 'shapes' && l.namePt < 4) notes.push('At this size the map reads better as a picture than as shapes.');
  return notes;
}
