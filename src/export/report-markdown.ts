// The workshop report as Markdown. Every word from the map goes through
// mdText, so a name is only ever text: no heading, list, link, image, HTML or
// table cell can come out of it, whatever it contains.
import type { FindingsAt, Report, ReportSection } from '../domain';
import { dateOf, labelName, percent, SEVERITY_TITLE, tallyText, voteHeading, when } from './report-text';

/** Markdown's special characters, and those that start autolinks, e-mail links and math in common renderers. */
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:@=$^"]/g;

/** Text from the map as Markdown text: one line, every special character escaped with a backslash. */
export function mdText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(SPECIAL, (c) => `\\${c}`);
}

function findingsLines(f: FindingsAt): string[] {
  const lines = [mdText(f.sentence), ''];
  if (f.findings.length === 0) lines.push('No findings: the map agrees with its labels.');
  for (const x of f.findings) lines.push(`- **${SEVERITY_TITLE[x.severity]}:** ${mdText(x.message)}`);
  return lines;
}

function sectionLines(s: ReportSection, image: string | null): string[] {
  const out = [`## ${mdText(s.title)}`, ''];
  switch (s.kind) {
    case 'definition':
      out.push(`**${mdText(s.name)}.** ${mdText(s.statement)}`, '');
      if (s.note) {
        out.push('In our own words:', '');
        for (const line of s.note.split(/\r?\n/).filter((l) => l.trim() !== '')) out.push(`> ${mdText(line)}`, '>');
        out.pop();
      } else out.push('_The team has not written the definition in its own words._');
      break;
    case 'map':
      if (image) out.push(`![${mdText(`Stakeholder map of ${s.organization}`)}](${image})`, '');
      out.push(`${mdText(s.organization)}: ${s.stakeholders} stakeholders, ${s.relations} relations.`);
      break;
    case 'findings':
      if (s.change) out.push(`**${mdText(s.change)}**`, '');
      if (s.first) out.push(`### At the start (${mdText(s.first.at === null ? '' : when(s.first.at))})`, '', ...findingsLines(s.first), '', '### Now', '');
      out.push(...findingsLines(s.now));
      break;
    case 'relabels':
      if (s.relabels.length === 0) out.push('No stakeholder was relabelled.');
      for (const r of s.relabels) {
        out.push(`- **${mdText(r.name)}**: ${labelName(r.from)} → ${labelName(r.to)} (by ${mdText(when(r.at))}). ${mdText(r.reason)}`);
      }
      break;
    case 'votes':
      for (const v of s.votes) {
        out.push(`### ${mdText(voteHeading(v))}`, '');
        if (v.state !== 'revealed') out.push('The answers stay hidden until the facilitator reveals them.');
        for (const t of v.tallies) out.push(`- **${mdText(t.name)}**: ${mdText(tallyText(t, v.askPrimary))}`);
        if (v.dropped > 0) out.push('', `${v.dropped} stakeholder${v.dropped === 1 ? '' : 's'} voted on ${v.dropped === 1 ? 'is' : 'are'} no longer on the map.`);
        out.push('');
      }
      out.push('### Open disagreements', '');
      if (s.disagreements.length === 0) out.push('None: the room agreed, and with the map.');
      s.disagreements.forEach((t, i) => out.push(`${i + 1}\\. **${mdText(t.name)}**: ${percent(t.agreement)} agree; ${mdText(tallyText(t, false))}`));
      break;
    case 'comparison':
      for (const t of s.teams) {
        const customers = t.customers.length > 0 ? t.customers.map(mdText).join(', ') : 'none';
        out.push(`- **${mdText(t.team)}**: ${t.stakeholders} stakeholders, ${t.relations} relations; calls customers: ${customers}; ${t.findings} findings. ${mdText(t.sentence)}`);
      }
      break;
  }
  return out;
}

/** The whole report; `image` is the map's image address (a data: URL or a file name), or null to leave it out. */
export function reportMarkdown(report: Report, image: string | null = null): string {
  const lines = [`# Workshop report: ${mdText(report.title)}`, '', `${mdText(report.organization)} · ${mdText(when(report.generatedAt))}`, ''];
  for (const s of report.sections) lines.push(...sectionLines(s, image), '');
  lines.push(`_Made with Stakemap on ${mdText(dateOf(new Date(report.generatedAt).toISOString()))}._`, '');
  return lines.join('\n');
}
