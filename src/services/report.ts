// The workshop report's inputs: the open map and its snapshots (oldest
// first), read from storage when the report opens. The report itself is
// built by the domain (buildReport) and drawn by src/workshop/ReportView.
import { create } from 'zustand';
import type { MapState, ReportInput } from '../domain';
import { useStakemap } from '../store';

export const useReportUi = create<{ open: boolean }>()(() => ({ open: false }));

export function openReport(): void {
  if (useStakemap.getState().map) useReportUi.setState({ open: true });
}

export function closeReport(): void {
  useReportUi.setState({ open: false });
}

/** Snapshots read for a report, at most; a map keeps 50 (DEFAULT_MAX_SNAPSHOTS). */
const MOST_SNAPSHOTS = 50;

/** The open map and its history; `problem` says why the history is missing, if it is. */
export async function reportInput(now = Date.now()): Promise<{ input: ReportInput; problem: string | null } | null> {
  const { mapId, map } = useStakemap.getState();
  if (!map) return null;
  if (!mapId) return { input: { map, history: [], now }, problem: null };
  try {
    const { repository } = await import('./session');
    const repo = repository();
    const summaries = (await repo.listSnapshots(mapId)).slice(0, MOST_SNAPSHOTS).reverse();
    const history: MapState[] = [];
    let unreadable = 0;
    for (const s of summaries) {
      // A damaged snapshot is left out (and counted), never the whole report.
      const record = await repo.getSnapshot(s.id).catch(() => undefined);
      if (record) history.push({ map: record.map, at: record.createdAt });
      else unreadable++;
    }
    const problem = unreadable > 0 ? `${unreadable} snapshot${unreadable === 1 ? '' : 's'} could not be read and ${unreadable === 1 ? 'is' : 'are'} left out.` : null;
    return { input: { map, history, now }, problem };
  } catch (err) {
    return { input: { map, history: [], now }, problem: `The map's history could not be read (${err instanceof Error ? err.message : String(err)}): the report shows the map as it is now.` };
  }
}
