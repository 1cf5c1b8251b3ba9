// The export dialog: choices on the left, a live preview of exactly what will
// be written on the right, progress while it runs. Loaded on first use, with
// everything in src/export.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { useStakemap } from '../store';
import { loadOptions, saveOptions, type ExportFormat, type ExportOptions } from '../export/options';
import { imageSvg, prepare } from '../export/render';
import { ANONYMOUS_ORGANIZATION, ANONYMOUS_TITLE } from '../export/anonymize';
import { download, pixelSize, runExport } from '../export/run';
import { legibilityNotes } from '../export/legibility';
import type { SlideLayout } from '../export/slide-layout';
import { copyPng, notify } from '../services/exportControl';
import { reportInput } from '../services/report';
import { buildReport } from '../domain';

const FORMAT_INFO: Record<ExportFormat, { name: string; hint: string; action: string }> = {
  png: { name: 'PNG', hint: 'Image for slides and documents', action: 'Download PNG' },
  svg: { name: 'SVG', hint: 'Sharp at any size, editable', action: 'Download SVG' },
  pptx: { name: 'PowerPoint', hint: 'Slides to present or edit', action: 'Download PowerPoint' },
  json: { name: 'Map file', hint: '.stakemap.json, to share or keep', action: 'Download map file' },
};

function Choice<T extends string | number>(props: {
  legend: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string; hint?: string; disabled?: boolean }[];
  onChange: (value: T) => void;
  wide?: boolean;
}) {
  return (
    <fieldset className={`export-choice${props.wide ? ' is-wide' : ''}`}>
      <legend className="field-label">{props.legend}</legend>
      <div className="export-segments">
        {props.options.map((o) => (
          <label key={String(o.value)} className={`export-segment${o.value === props.value ? ' is-checked' : ''}${o.disabled ? ' is-disabled' : ''}`}>
            <input type="radio" name={props.name} checked={o.value === props.value} disabled={o.disabled} onChange={() => props.onChange(o.value)} />
            <span className="export-segment-label">{o.label}</span>
            {o.hint ? <span className="export-segment-hint">{o.hint}</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Check({ label, checked, disabled, onChange, children }: { label: string; checked: boolean; disabled?: boolean; onChange: (v: boolean) => void; children?: ReactNode }) {
  return (
    <label className={`export-check${disabled ? ' is-disabled' : ''}`}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        {children ? <span className="export-check-hint">{children}</span> : null}
      </span>
    </label>
  );
}

const fmt = (n: number) => n.toLocaleString('en-US');

export default function ExportDialog({ onClose }: { onClose: () => void }) {
  const map = useStakemap((s) => s.map);
  const selection = useStakemap((s) => s.selection);
  const [options, setOptions] = useState<ExportOptions>(loadOptions);
  const [progress, setProgress] = useState<{ step: string; fraction: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** PowerPoint only: the workshop report's slides after the map's. */
  const [withReport, setWithReport] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const primary = useRef<HTMLButtonElement>(null);

  const selected = selection.stakeholders.length + selection.relations.length + (selection.organization ? 1 : 0);
  const effective: ExportOptions = {
    ...options,
    scope: selected > 0 ? options.scope : 'map',
    slide: options.format === 'pptx' || options.slide,
  };
  const { format, scale, background, scope, slide, findings, findingsPlace, diagram, anonymize, keepContext } = effective;
  const image = format !== 'json';

  const prepared = useMemo(() => (map ? prepare(map, { scope, anonymize, keepContext }, selection) : null), [map, scope, anonymize, keepContext, selection]);
  const preview = useMemo(
    () =>
      prepared && format !== 'json'
        ? imageSvg(prepared, { format, scale, background, scope, slide, findings, findingsPlace, diagram, anonymize, keepContext }, { embed: false })
        : null,
    [prepared, format, scale, background, scope, slide, findings, findingsPlace, diagram, anonymize, keepContext],
  );
  const layout = preview && 'layout' in preview ? (preview as { layout: SlideLayout }).layout : null;
  const notes = layout ? legibilityNotes(layout.legibility, prepared?.map.stakeholders.length ?? 0, format, diagram) : [];
  const previewUrl = useMemo(() => (preview ? URL.createObjectURL(new Blob([preview.svg], { type: 'image/svg+xml' })) : null), [preview]);
  useEffect(() => () => (previewUrl ? URL.revokeObjectURL(previewUrl) : undefined), [previewUrl]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    // Export, then Enter: the download is the second step.
    primary.current?.focus();
    // Back to where the user was (the Export button) when the dialog closes.
    return () => before?.focus?.();
  }, []);

  if (!map || !prepared) return null;
  const update = (patch: Partial<ExportOptions>) => {
    const next = { ...options, ...patch };
    setOptions(next);
    saveOptions(next);
    setError(null);
  };
  const busy = progress !== null;

  const run = async () => {
    setError(null);
    setProgress({ step: 'Starting', fraction: 0 });
    const started = performance.now();
    try {
      let report;
      if (format === 'pptx' && withReport && !anonymize) {
        setProgress({ step: 'Reading the map’s history', fraction: 0.02 });
        const got = await reportInput();
        report = got ? buildReport(got.input) : undefined;
      }
      const file = await runExport(map, selection, effective, (step, fraction) => setProgress({ step, fraction }), report);
      download(file);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const reduced = file.reducedScale ? ` At ${file.reducedScale}x: ${scale}x is larger than this browser can draw.` : '';
      notify(`Exported “${file.name}” in ${seconds} s.${reduced}`);
      onClose();
    } catch (err) {
      setError(`The export failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setProgress(null);
    }
  };

  let info = '';
  if (format === 'png' && preview) {
    const size = pixelSize(preview.width, preview.height, scale);
    info = `${fmt(size.width)} × ${fmt(size.height)} px${size.scale < scale ? ` (reduced to ${size.scale}x to fit the browser's limit)` : ''} · opens again in Stakemap`;
  } else if (format === 'svg' && preview) info = `Vector, ${fmt(preview.width)} × ${fmt(preview.height)} · opens again in Stakemap`;
  else if (format === 'pptx') {
    info = `16:9 slides: the map ${diagram === 'shapes' ? 'as shapes to move and edit' : 'as a sharp picture'}${findings ? ', every finding on the slides after it' : ''}, findings in the speaker notes`;
  }
  else info = `${fmt(new Blob([prepared.json]).size)} bytes · ${prepared.map.stakeholders.length} stakeholders, ${prepared.map.relations.length} relations`;

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby="export-title"
      // The editor's shortcuts (Delete, N, …) must not act on the map behind the dialog.
      onKeyDown={(e) => e.stopPropagation()}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <header className="export-header">
        <h2 id="export-title">
          Export “<bdi>{map.title}</bdi>”
        </h2>
        <button type="button" className="button icon ghost" onClick={onClose} disabled={busy} aria-label="Close">
          <X size={18} aria-hidden="true" />
        </button>
      </header>
      <div className="export-body">
        <div className="export-options">
          <Choice
            legend="Format"
            name="export-format"
            wide
            value={format}
            onChange={(v) => update({ format: v })}
            options={(['png', 'svg', 'pptx', 'json'] as const).map((v) => ({ value: v, label: FORMAT_INFO[v].name, hint: FORMAT_INFO[v].hint }))}
          />
          {format === 'png' ? (
            <Choice legend="Resolution" name="export-scale" value={scale} onChange={(v) => update({ scale: v })} options={[1, 2, 3, 4].map((v) => ({ value: v as 1 | 2 | 3 | 4, label: `${v}x` }))} />
          ) : null}
          {image ? (
            <Choice
              legend="Background"
              name="export-background"
              value={background}
              onChange={(v) => update({ background: v })}
              options={[
                { value: 'white', label: 'White' },
                { value: 'dark', label: 'Dark' },
                { value: 'transparent', label: 'Transparent', disabled: format === 'pptx' },
                { value: 'transparent-dark', label: 'Transparent, for a dark slide', disabled: format === 'pptx' },
              ]}
            />
          ) : null}
          <Choice
            legend="What to export"
            name="export-scope"
            value={scope}
            onChange={(v) => update({ scope: v })}
            options={[
              { value: 'map', label: 'Whole map' },
              { value: 'selection', label: selected > 0 ? `Selection (${selected})` : 'Selection', disabled: selected === 0 },
            ]}
          />
          {format === 'pptx' ? (
            <Choice
              legend="Diagram as"
              name="export-diagram"
              value={diagram}
              onChange={(v) => update({ diagram: v })}
              options={[
                { value: 'shapes', label: 'Editable shapes', hint: 'Move a box, fix a word' },
                { value: 'picture', label: 'Picture', hint: 'Exactly as drawn' },
              ]}
            />
          ) : null}
          {image && format !== 'pptx' && slide && findings ? (
            <Choice
              legend="Findings"
              name="export-findings-place"
              value={findingsPlace}
              onChange={(v) => update({ findingsPlace: v })}
              options={[
                { value: 'beside', label: 'Beside the map' },
                { value: 'below', label: 'Below the map' },
              ]}
            />
          ) : null}
          <div className="export-checks">
            {image ? (
              <Check label="Lay out as a 16:9 slide" checked={slide} disabled={format === 'pptx'} onChange={(v) => update({ slide: v })}>
                Title, legend and your definition of customer
              </Check>
            ) : null}
            {image ? (
              <Check label="Add a summary of the findings" checked={findings && slide} disabled={!slide} onChange={(v) => update({ findings: v })}>
                {format === 'pptx' ? 'A summary on the map slide, every finding whole on the slides after it' : 'Every finding, whole'}
              </Check>
            ) : null}
            {notes.length > 0 ? (
              <ul className="export-notes" aria-label="Text sizes on the slide" data-testid="export-legibility">
                {notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            {format === 'pptx' ? (
              <Check label="Add the workshop report" checked={withReport && !anonymize} disabled={anonymize} onChange={setWithReport}>
                {anonymize ? 'Not with anonymized names: the report names stakeholders.' : 'A slide each: definition, findings then and now, relabels, votes, breakout teams'}
              </Check>
            ) : null}
            <Check label="Anonymize names" checked={anonymize} onChange={(v) => update({ anonymize: v })}>
              “Partner 2” instead of names; notes, votes and breakout teams left out. The map itself stays as it is.
            </Check>
            {anonymize ? (
              <Check label="Keep the title, organization and our own words" checked={keepContext} onChange={(v) => update({ keepContext: v })}>
                {keepContext ? 'Kept as they are: each can tell who the map is about.' : `Shown as “${ANONYMOUS_TITLE}” and “${ANONYMOUS_ORGANIZATION}”; your own words for the definition left out.`}
              </Check>
            ) : null}
          </div>
        </div>
        <figure className={`export-preview background-${image ? background : 'none'}`}>
          {format === 'json' ? (
            <pre className="export-json" role="region" aria-label="Preview of the map file" tabIndex={0}>{prepared.json.slice(0, 4000)}</pre>
          ) : previewUrl ? (
            <img src={previewUrl} alt={`Preview of the ${FORMAT_INFO[format].name} export`} data-testid="export-preview" />
          ) : null}
          <figcaption>{info}</figcaption>
        </figure>
      </div>
      <footer className="export-footer">
        <div className="export-status" role="status" aria-live="polite">
          {progress ? (
            <>
              <progress max={1} value={progress.fraction} aria-label="Export progress" />
              <span>{progress.step}…</span>
            </>
          ) : error ? (
            <span className="export-error" role="alert">{error}</span>
          ) : null}
        </div>
        {image ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              copyPng(effective);
              onClose();
            }}
          >
            Copy PNG
          </button>
        ) : null}
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button ref={primary} type="button" className="button primary" onClick={() => void run()} disabled={busy}>
          {busy ? 'Exporting…' : FORMAT_INFO[format].action}
        </button>
      </footer>
    </dialog>
  );
}
