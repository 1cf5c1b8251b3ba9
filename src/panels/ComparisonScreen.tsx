// The breakout comparison screen (Facilitate → Compare breakout teams): the
// teams and where their maps come from, the comparison table, hand matches,
// and the CSV and slide downloads. Every change goes through a command.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Download, FileUp, Link2, Plus, Presentation, Trash2 } from 'lucide-react';
import { breakoutsOf, compareBreakouts, LIMITS, matchMembersFor, teamMembersOf, type Comparison, type ComparisonRow, type StakeMap } from '../domain';
import { addTeamFromFile, addTeamFromLibrary, closeComparison, isEnabled, matchByHand, removeTeam, renameTeam, run, unmatchByHand, type Refusal } from '../commands';
import type { MapSummary } from '../persistence';
import { setIncludeOwn, useComparisonUi } from '../services/comparison';
import { downloadBlob } from '../services/download';
import { repository } from '../services/session';
import { useStakemap } from '../store';
import { Modal } from '../ui/Modal';
import { IMPORT_ACCEPT } from './ImportButton';
import { ComparisonTable, TeamSummaries } from './ComparisonTable';
import './comparison.css';

/** The map compared when only the teams are: compareBreakouts reads nothing else of it. */
const TEAMS_ONLY: StakeMap = { title: '', organization: { name: '' }, stakeholders: [], relations: [] };
const READ_ONLY = 'This tab cannot change the map now.';

function TeamName({ id, team, onProblem }: { id: string; team: string; onProblem: (p: Refusal) => void }) {
  const [draft, setDraft] = useState(team);
  const [shown, setShown] = useState(team);
  if (shown !== team) {
    setShown(team);
    setDraft(team);
  }
  const commit = () => {
    if (draft === team) return;
    const problem = run(renameTeam, id, draft);
    onProblem(problem === undefined ? READ_ONLY : problem);
    if (problem !== null) setDraft(team);
  };
  return (
    <input
      className="compare-team-name"
      value={draft}
      maxLength={LIMITS.name * 2}
      aria-label={`Name of team ${team}`}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

function AddTeam({ nextName, onProblem, onAdded }: { nextName: string; onProblem: (p: Refusal) => void; onAdded: () => void }) {
  const [name, setName] = useState(nextName);
  const [maps, setMaps] = useState<MapSummary[]>([]);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const mapId = useStakemap((s) => s.mapId);
  // After a team is added the next name is offered, adjusted while rendering.
  const [offered, setOffered] = useState(nextName);
  if (offered !== nextName) {
    setOffered(nextName);
    setName(nextName);
  }
  useEffect(() => {
    let live = true;
    repository()
      .list()
      .then((list) => live && setMaps(list.filter((m) => m.id !== mapId && !m.problems)))
      .catch(() => live && setMaps([]));
    return () => {
      live = false;
    };
  }, [mapId]);
  const add = async (work: () => Promise<Refusal> | undefined) => {
    setBusy(true);
    try {
      const pending = work();
      const problem = pending === undefined ? READ_ONLY : await pending;
      onProblem(problem);
      if (problem === null) onAdded();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="compare-add" role="group" aria-label="Add a team">
      <label className="compare-field">
        <span>Team name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="compare-field">
        <span>Their map, from this browser</span>
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{maps.length === 0 ? 'No other maps here' : 'Choose a map…'}</option>
          {maps.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} ({m.stakeholderCount} stakeholders)
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" disabled={busy || chosen === ''} onClick={() => void add(() => run(addTeamFromLibrary, name, chosen))}>
        <Plus size={18} aria-hidden="true" /> Add team
      </button>
      <span className="compare-or">or</span>
      <button type="button" className="button" disabled={busy} onClick={() => file.current?.click()} title="A .stakemap.json file, or a PNG or SVG exported from Stakemap">
        <FileUp size={18} aria-hidden="true" /> Add team from a file…
      </button>
      <input
        ref={file}
        type="file"
        hidden
        accept={IMPORT_ACCEPT}
        aria-label="Team’s map file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void add(() => run(addTeamFromFile, name, f));
        }}
      />
    </div>
  );
}

async function downloadCsv(c: Comparison, title: string) {
  const { comparisonCsv, comparisonFileName } = await import('../export/compare-csv');
  downloadBlob(new Blob([comparisonCsv(c)], { type: 'text/csv;charset=utf-8' }), comparisonFileName(title, 'csv'));
}

async function downloadSlide(c: Comparison, title: string) {
  const [{ comparisonDeck }, { comparisonFileName }] = await Promise.all([import('../export/compare-slide'), import('../export/compare-csv')]);
  downloadBlob(await comparisonDeck(c, title), comparisonFileName(title, 'pptx'));
}

function Comparing() {
  const map = useStakemap((s) => s.map);
  const { includeOwn } = useComparisonUi();
  const [problem, setProblem] = useState<Refusal>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState(false);
  // Only the teams (and the map itself when shown) change the comparison: moving a card does not recompute it.
  const own = includeOwn ? map : null;
  const breakouts = map?.breakouts;
  const comparison = useMemo(() => (breakouts ? compareBreakouts(own ?? { ...TEAMS_ONLY, breakouts }, { includeOwn: own !== null }) : null), [own, breakouts]);
  if (!map) return null;
  const teams = breakoutsOf(map).teams;
  const chosenRows = comparison ? comparison.rows.filter((r) => selected.has(r.key)) : [];
  const toggle = (row: ComparisonRow) => {
    const next = new Set(selected);
    if (!next.delete(row.key)) next.add(row.key);
    setSelected(next);
  };
  const match = () => {
    if (!comparison) return;
    const chosen = matchMembersFor(comparison, chosenRows);
    if (!chosen.ok) return setProblem(chosen.reason);
    if (!isEnabled(matchByHand)) return setProblem(READ_ONLY);
    run(matchByHand, chosen.members);
    setProblem(null);
    setSelected(new Set());
  };
  const unmatch = (row: ComparisonRow) => comparison && run(unmatchByHand, teamMembersOf(comparison, row));
  const exporting = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setProblem(`The file could not be made: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="compare">
      <section className="compare-teams" aria-label="Teams">
        <ul>
          {teams.map((t) => (
            <li key={t.id} className="compare-team" title={`${t.map.title} · ${t.map.stakeholders.length} stakeholders`}>
              <TeamName id={t.id} team={t.team} onProblem={setProblem} />
              <button type="button" className="button icon" aria-label={`Remove ${t.team}`} title="Remove this team" onClick={() => run(removeTeam, t.id)}>
                <Trash2 size={18} aria-hidden="true" />
              </button>
            </li>
          ))}
          {teams.length > 0 && teams.length < LIMITS.breakouts ? (
            <li>
              <button type="button" className="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
                <Plus size={18} aria-hidden="true" /> Add a team
              </button>
            </li>
          ) : null}
        </ul>
        {teams.length < LIMITS.breakouts && (adding || teams.length === 0) ? <AddTeam nextName={`Team ${teams.length + 1}`} onProblem={setProblem} onAdded={() => setAdding(false)} /> : null}
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </section>
      {teams.length === 0 || !comparison ? (
        <p className="compare-empty">Add each breakout team’s map: from this browser’s maps, or a file a team exported (a .stakemap.json, or a PNG or SVG from Stakemap). Stakeholders are matched by name; match the rest by hand.</p>
      ) : (
        <>
          <div className="compare-actions">
            <label className="compare-own">
              <input type="checkbox" checked={includeOwn} onChange={(e) => setIncludeOwn(e.target.checked)} /> Include this map
            </label>
            <span className="compare-spacer" />
            <button type="button" className="button primary" disabled={chosenRows.length < 2} onClick={match} title="Choose two rows that are the same stakeholder under different names">
              <Link2 size={18} aria-hidden="true" /> Same stakeholder{chosenRows.length > 0 ? ` (${chosenRows.length} chosen)` : ''}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void exporting(() => downloadCsv(comparison, map.title))}>
              <Download size={18} aria-hidden="true" /> Download CSV
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void exporting(() => downloadSlide(comparison, map.title))}>
              <Presentation size={18} aria-hidden="true" /> Download comparison slide
            </button>
          </div>
          <p className="compare-tally">
            {comparison.rows.length} stakeholders · {comparison.disagreeing} with disagreements · {comparison.partial} not drawn by everyone. Choose two rows and “Same stakeholder” to match names the teams wrote differently.
          </p>
          <ComparisonTable comparison={comparison} selected={selected} onToggle={toggle} onUnmatch={unmatch} />
          <TeamSummaries comparison={comparison} />
        </>
      )}
    </div>
  );
}

/** Mounted once with the editor (FACILITATION_SCREENS); shows itself while the comparison is open. */
export function ComparisonScreen() {
  const { open } = useComparisonUi();
  const hasMap = useStakemap((s) => s.map !== null);
  if (!open || !hasMap) return null;
  return (
    <Modal title="Breakout teams compared" onClose={closeComparison} wide>
      <Comparing />
    </Modal>
  );
}
