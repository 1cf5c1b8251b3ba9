// Commands that change what is shown, not the map: selection, view, dialogs,
// export, presentation and the facilitator's reveal.
import { useStakemap } from '../store';
import { findingsFor } from '../store/findings';
import { canvasApi } from '../services/canvasApi';
import { copyPng, openExportDialog } from '../services/exportControl';
import { enterPresentation, exitPresentation } from '../services/presenting';
import { defineCommand } from './command';

const state = () => useStakemap.getState();

export const selectAll = defineCommand({
  id: 'selection.all',
  label: 'Select everything',
  keys: [{ key: 'a', mod: true }],
  enabled: (s) => s.map !== null,
  perform() {
    const map = state().map!;
    state().select({ stakeholders: map.stakeholders.map((s) => s.id), relations: map.relations.map((r) => r.id) });
  },
});

export const clearSelection = defineCommand({
  id: 'selection.clear',
  label: 'Clear the selection',
  keys: [{ key: 'escape' }],
  perform() {
    state().clearSelection();
    state().setKindPick(null);
  },
});

export const openConnect = defineCommand({
  id: 'relation.connectDialog',
  label: 'Connect the selected stakeholder to another',
  keys: [{ key: 'c' }],
  editsMap: true,
  enabled: (s) => s.selection.stakeholders.length === 1 || s.selection.organization,
  perform() {
    state().setOverlay('connect');
  },
});

export const fitView = defineCommand({
  id: 'view.fit',
  label: 'Fit the whole map in view',
  keys: [{ key: 'f' }],
  perform() {
    canvasApi()?.fitView();
  },
});

export const showShortcuts = defineCommand({
  id: 'help.shortcuts',
  label: 'Show these shortcuts',
  keys: [{ key: '?' }],
  perform() {
    state().setOverlay('shortcuts');
  },
});

export const openExport = defineCommand({
  id: 'export.open',
  label: 'Export: PNG, SVG, PowerPoint or map file',
  keys: [{ key: 'e', mod: true, shift: false }],
  enabled: (s) => s.map !== null,
  perform: openExportDialog,
});

export const copyAsPng = defineCommand({
  id: 'export.copyPng',
  label: 'Copy the map as PNG',
  keys: [{ key: 'c', mod: true, shift: true }],
  enabled: (s) => s.map !== null,
  perform() {
    copyPng();
  },
});

export const checkOurMap = defineCommand({
  id: 'findings.reveal',
  label: 'Check our map: show the findings',
  perform() {
    state().setFindingsHidden(false);
    state().setSideTab('findings');
  },
});

export const hideFindings = defineCommand({
  id: 'findings.hide',
  label: 'Hide the findings while the team draws',
  perform() {
    state().setFindingsHidden(true);
  },
});

export const present = defineCommand({
  id: 'present.start',
  label: 'Present the findings one by one',
  enabled: (s) => s.map !== null,
  perform: enterPresentation,
});

const findingCount = () => {
  const map = state().map;
  return map ? findingsFor(map).length : 0;
};

export const nextFinding = defineCommand({
  id: 'present.next',
  label: 'Next finding',
  scope: 'presenting',
  keys: [{ key: 'arrowright' }, { key: 'pagedown' }, { key: ' ' }],
  perform() {
    state().setPresentStep(Math.min(state().presentStep + 1, Math.max(findingCount() - 1, 0)));
  },
});

export const previousFinding = defineCommand({
  id: 'present.previous',
  label: 'Previous finding',
  scope: 'presenting',
  keys: [{ key: 'arrowleft' }, { key: 'pageup' }],
  perform() {
    state().setPresentStep(Math.max(Math.min(state().presentStep, findingCount() - 1) - 1, 0));
  },
});

export const toggleBeforeAfter = defineCommand({
  id: 'present.beforeAfter',
  label: 'Show the labels before or after the findings',
  scope: 'presenting',
  keys: [{ key: 'b' }],
  perform() {
    state().setShowSuggested(!state().showSuggested);
  },
});

export const stopPresenting = defineCommand({
  id: 'present.stop',
  label: 'Stop presenting',
  scope: 'presenting',
  keys: [{ key: 'escape' }],
  perform: exitPresentation,
});
