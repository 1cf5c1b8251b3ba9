// The workshop report on screen, full-screen over the editor, and printable:
// the browser's Print → Save as PDF gives clean pages (report.css: no app
// chrome, a page per section, the map fitted to its page). Also as Markdown
// and as extra slides in a PowerPoint deck. Names are React text: only ever text.
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { FileText, Presentation, Printer, X } from 'lucide-react';
import { buildReport, type Report, type StakeMap } from '../domain';
import { useStakemap } from '../store';
import { closeReport, reportInput } from '../services/report';
import { notify } from '../services/exportControl';
import { download, runExport } from '../export/run';
import { DEFAULT_OPTIONS } from '../export/options';
import { fileName, NO_PART, prepare } from '../export/render';
import { diagramSvg } from '../export/svg';
import { reportMarkdown } from '../export/report-markdown';
import { when } from '../export/report-text';
import { SectionView } from './ReportSections';
import './report.css';

function mapImage(map: StakeMap): string {
  return diagramSvg(prepare(map, { scope: 'map', anonymize: false }).scene, { background: 'white', title: map.title, embed: null }).svg;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export default function ReportView() {
  const map = useStakemap((s) => s.map);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toolbar = useRef<HTMLDivElement>(null);

  // Built once when opened, from the map and its snapshots as they are then.
  useEffect(() => {
    let current = true;
    void reportInput().then((got) => {
      if (!current) return;
      if (!got) return closeReport();
      setReport(buildReport(got.input));
      setProblem(got.problem);
    });
    return () => {
      current = false;
    };
  }, []);

  const svg = useMemo(() => (map ? mapImage(map) : null), [map]);
  const imageUrl = useMemo(() => (svg ? URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })) : null), [svg]);
  useEffect(() => () => (imageUrl ? URL.revokeObjectURL(imageUrl) : undefined), [imageUrl]);

  // Print shows the report alone (report.css); the editor's shortcuts stay off while it is open.
  // The page's title names the PDF that Print → Save as PDF makes.
  const title = map?.title;
  useEffect(() => {
    const was = document.title;
    document.title = `${title ?? 'Stakemap'} – workshop report`;
    return () => {
      document.title = was;
    };
  }, [title]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    document.documentElement.classList.add('report-open');
    toolbar.current?.querySelector<HTMLElement>('button')?.focus();
    return () => {
      document.documentElement.classList.remove('report-open');
      before?.focus?.();
    };
  }, []);

  if (!map) return null;
  const base = fileName(map.title, 'json').replace(/\.stakemap\.json$/, '');
  const markdown = () => {
    if (!report) return;
    const md = reportMarkdown(report, svg ? `data:image/svg+xml;base64,${base64(svg)}` : null);
    download({ blob: new Blob([md], { type: 'text/markdown' }), name: `${base} report.md` });
    notify(`Saved “${base} report.md”.`);
  };
  const deck = async () => {
    if (!report) return;
    setBusy(true);
    try {
      const file = await runExport(map, NO_PART, { ...DEFAULT_OPTIONS, format: 'pptx', background: 'white', findings: true }, undefined, report);
      download({ ...file, name: file.name.replace(/\.pptx$/, ' report.pptx') });
      notify(`Saved the map and the report as “${file.name.replace(/\.pptx$/, ' report.pptx')}”.`);
    } catch (err) {
      notify(`The PowerPoint could not be made: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return createPortal(
    <div
      className="report-screen"
      role="dialog"
      aria-modal="true"
      aria-label="Workshop report"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') closeReport();
      }}
    >
      <div className="report-toolbar" ref={toolbar} role="toolbar" aria-label="Report">
        <button type="button" className="button primary" onClick={() => window.print()} disabled={!report}>
          <Printer size={16} aria-hidden="true" /> Print or save as PDF
        </button>
        <button type="button" className="button" onClick={markdown} disabled={!report}>
          <FileText size={16} aria-hidden="true" /> Markdown
        </button>
        <button type="button" className="button" onClick={() => void deck()} disabled={!report || busy}>
          <Presentation size={16} aria-hidden="true" /> {busy ? 'Writing…' : 'PowerPoint'}
        </button>
        <span className="report-toolbar-space" />
        <button type="button" className="button ghost" onClick={closeReport} aria-label="Close the report">
          <X size={18} aria-hidden="true" /> Close
        </button>
      </div>
      <article className="report-page" data-testid="report">
        {problem ? (
          <p className="report-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <header className="report-header">
          <p className="report-kicker">Workshop report</p>
          <h1>
            <bdi>{map.title}</bdi>
          </h1>
          <p className="report-meta">
            <bdi>{map.organization.name}</bdi> · {report ? when(report.generatedAt) : ''}
          </p>
        </header>
        {report ? (
          report.sections.map((s, i) => <SectionView key={s.kind} section={s} first={i === 0} imageUrl={imageUrl} />)
        ) : (
          <p aria-busy="true">Reading the map’s history…</p>
        )}
      </article>
    </div>,
    document.body,
  );
}
