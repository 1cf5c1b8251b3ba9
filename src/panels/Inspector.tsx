import { useEffect, useRef } from 'react';
import { ArrowLeftRight, Copy, Trash2 } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { isolateText, KINDS, LABELS, LIMITS, ORG_ID, type Kind, type StakeMap } from '../domain';
import { useStakemap } from '../store';
import { changeRelation, changeStakeholder, deleteSelection, duplicateSelection, renameOrg, reverseDirection, run, setSide } from '../commands';
import { rulesMap } from '../store/findings';
import { LabelIcon } from '../ui/icons';
import { KIND_STYLE, LABEL_STYLE } from '../drawing/theme';
import { TextField } from '../ui/fields';
import { StakeholderFindings } from './StakeholderFindings';
import { RelationshipFields } from './RelationshipFields';
import { CurrencyField, GridButtons } from './CurrencyField';

export function Inspector() {
  const selection = useStakemap((s) => s.selection);
  const count = selection.stakeholders.length + selection.relations.length;
  if (count > 1) return <MultiInspector stakeholders={selection.stakeholders.length} relations={selection.relations.length} />;
  if (selection.stakeholders[0]) return <StakeholderInspector id={selection.stakeholders[0]} />;
  if (selection.relations[0]) return <RelationInspector id={selection.relations[0]} />;
  return <MapInspector />;
}

/** A party's name, isolated (domain/bidi.ts) so that it cannot reorder the text around it. */
function nameOf(map: StakeMap, id: string): string {
  if (id === ORG_ID) return `${isolateText(map.organization.name)} (us)`;
  return isolateText(map.stakeholders.find((s) => s.id === id)?.name ?? id);
}

/** What the inspector shows of a stakeholder: not its position, so dragging it re-renders nothing here. */
function useShownStakeholder(id: string) {
  return useStakemap(
    useShallow((st) => {
      const s = st.map?.stakeholders.find((x) => x.id === id);
      return s ? { name: s.name, label: s.label, side: s.side, notes: s.notes } : null;
    }),
  );
}

function StakeholderInspector({ id }: { id: string }) {
  const s = useShownStakeholder(id);
  const renameRequest = useStakemap((st) => st.renameRequest);
  const nameInput = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    if (renameRequest !== id) return;
    nameInput.current?.focus();
    nameInput.current?.select();
    useStakemap.getState().setRenameRequest(null);
  }, [renameRequest, id]);

  if (!s) return <MapInspector />;
  const style = LABEL_STYLE[s.label];
  return (
    <section className="inspector" aria-label="Stakeholder">
      <h2 className="inspector-heading" style={{ color: style.color }}>
        <LabelIcon label={s.label} size={18} /> {style.title}
      </h2>
      <TextField
        key={`name-${id}`}
        label="Name"
        value={s.name}
        required
        maxLength={LIMITS.name}
        inputRef={nameInput}
        onCommit={(name) => run(changeStakeholder, id, { name }, `name:${id}`)}
      />
      <fieldset className="field choice-field">
        <legend className="field-label">What do you call them?</legend>
        <div className="chips">
          {LABELS.map((label) => (
            <label key={label} className={`chip${s.label === label ? ' is-checked' : ''}`} style={{ color: LABEL_STYLE[label].color }}>
              <input type="radio" name={`label-${id}`} value={label} checked={s.label === label} onChange={() => run(changeStakeholder, id, { label })} />
              <LabelIcon label={label} size={15} />
              <span>{LABEL_STYLE[label].title}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field choice-field">
        <legend className="field-label">Where are they?</legend>
        <div className="chips">
          {(['internal', 'external'] as const).map((side) => (
            <label key={side} className={`chip${s.side === side ? ' is-checked' : ''}`}>
              <input type="radio" name={`side-${id}`} value={side} checked={s.side === side} onChange={() => run(setSide, id, side)} />
              <span>{side === 'internal' ? 'Inside the organization' : 'Outside it'}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        key={`notes-${id}`}
        label="Notes"
        value={s.notes ?? ''}
        multiline
        maxLength={LIMITS.notes}
        placeholder="What the team said about them"
        onCommit={(notes) => run(changeStakeholder, id, { notes }, `notes:${id}`)}
      />
      <RelationshipFields id={id} />
      <StakeholderFindings id={id} />
      <RelationList id={id} />
      <div className="inspector-actions">
        <button type="button" className="button" onClick={() => run(duplicateSelection)}>
          <Copy size={16} aria-hidden="true" /> Duplicate
        </button>
        <button type="button" className="button danger" onClick={() => run(deleteSelection)}>
          <Trash2 size={16} aria-hidden="true" /> Delete
        </button>
      </div>
    </section>
  );
}

const NO_ROWS: readonly string[] = [];
let lastRows: { map: StakeMap; id: string; rows: readonly string[] } | null = null;

/** "id\0text" per relation of a stakeholder, computed once per map as the rules see it (not per drag frame). */
function relationRows(map: StakeMap | null, id: string): readonly string[] {
  if (!map) return NO_ROWS;
  if (lastRows && lastRows.map === map && lastRows.id === id) return lastRows.rows;
  const rows = map.relations
    .filter((r) => r.from === id || r.to === id)
    .map((r) => `${r.id}\u0000${nameOf(map, r.from)} ${KIND_STYLE[r.kind].verb} ${nameOf(map, r.to)}`);
  lastRows = { map, id, rows };
  return rows;
}

function RelationList({ id }: { id: string }) {
  const rows = useStakemap(useShallow((st) => relationRows(st.map && rulesMap(st.map), id)));
  if (rows.length === 0) {
    return <p className="inspector-hint">Drag from one of its dots to another stakeholder to show what flows between them.</p>;
  }
  return (
    <div className="field">
      <div className="field-label">Relations</div>
      <ul className="relation-list">
        {rows.map((row) => {
          const [rid, text] = row.split('\u0000') as [string, string];
          return (
            <li key={rid}>
              <button type="button" className="link-button map-text" onClick={() => useStakemap.getState().select({ relations: [rid] })}>
                {text}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function RelationInspector({ id }: { id: string }) {
  const r = useStakemap((st) => st.map?.relations.find((x) => x.id === id));
  const ends = useStakemap(useShallow((st) => (st.map && r ? [nameOf(st.map, r.from), nameOf(st.map, r.to)] : ['', ''])));
  if (!r) return <MapInspector />;
  return (
    <section className="inspector" aria-label="Relation">
      <h2 className="inspector-heading">Relation</h2>
      <p className="relation-ends">
        <strong className="map-text">{ends[0]}</strong> → <strong className="map-text">{ends[1]}</strong>
      </p>
      <div className="field">
        <label className="field-label" htmlFor={`kind-${id}`}>
          What flows
        </label>
        <select id={`kind-${id}`} value={r.kind} onChange={(e) => run(changeRelation, id, { kind: e.target.value as Kind })}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_STYLE[kind].title}
            </option>
          ))}
        </select>
      </div>
      <TextField
        key={`note-${id}`}
        label="Note"
        value={r.note ?? ''}
        maxLength={LIMITS.note}
        placeholder="Price, commission, what exactly…"
        onCommit={(note) => run(changeRelation, id, { note }, `note:${id}`)}
      />
      <div className="inspector-actions">
        <button type="button" className="button" onClick={() => run(reverseDirection, id)}>
          <ArrowLeftRight size={16} aria-hidden="true" /> Reverse direction
        </button>
        <button type="button" className="button danger" onClick={() => run(deleteSelection)}>
          <Trash2 size={16} aria-hidden="true" /> Delete relation
        </button>
      </div>
    </section>
  );
}

function MultiInspector({ stakeholders, relations }: { stakeholders: number; relations: number }) {
  const parts = [stakeholders ? `${stakeholders} stakeholder${stakeholders > 1 ? 's' : ''}` : '', relations ? `${relations} relation${relations > 1 ? 's' : ''}` : ''];
  return (
    <section className="inspector" aria-label="Selection">
      <h2 className="inspector-heading">{parts.filter(Boolean).join(' and ')} selected</h2>
      <div className="inspector-actions">
        {stakeholders > 0 ? (
          <button type="button" className="button" onClick={() => run(duplicateSelection)}>
            <Copy size={16} aria-hidden="true" /> Duplicate
          </button>
        ) : null}
        <button type="button" className="button danger" onClick={() => run(deleteSelection)}>
          <Trash2 size={16} aria-hidden="true" /> Delete
        </button>
      </div>
    </section>
  );
}

function MapInspector() {
  const orgName = useStakemap((s) => s.map?.organization.name ?? '');
  const counts = useStakemap(useShallow((s) => [s.map?.stakeholders.length ?? 0, s.map?.relations.length ?? 0]));
  return (
    <section className="inspector" aria-label="Map">
      <h2 className="inspector-heading">The map</h2>
      <TextField
        label="Your organization"
        value={orgName}
        required
        maxLength={LIMITS.name}
        onCommit={(name) => run(renameOrg, name)}
      />
      <p className="inspector-stats">
        {counts[0]} stakeholders · {counts[1]} relations
      </p>
      <CurrencyField />
      <GridButtons />
      <div className="inspector-hint">
        <p>
          <strong>Add</strong> stakeholders from the left, by double-clicking the map, or with <kbd>N</kbd>.
        </p>
        <p>
          <strong>Connect</strong> by dragging from a stakeholder’s dot to another, then pick what flows.
        </p>
        <p>
          <strong>Drop</strong> a stakeholder inside the organization’s box to make it internal.
        </p>
      </div>
    </section>
  );
}
