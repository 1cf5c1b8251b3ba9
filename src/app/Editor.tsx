import { lazy, Suspense } from 'react';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../panels/Palette';
import { SidePanel } from '../panels/SidePanel';
import { TopBar } from '../panels/TopBar';
import { Legend } from '../panels/Legend';
import { ShortcutSheet } from '../panels/ShortcutSheet';
import { ConnectDialog } from '../panels/ConnectDialog';
import { CanvasEmptyState } from '../panels/CanvasEmptyState';
import { FacilitationScreens } from '../panels/FacilitateMenu';
import { useStakemap } from '../store';
import { GridViews } from '../views/GridViews';
import { useShortcuts } from './useShortcuts';

// Loaded when a presentation starts.
const PresentationBar = lazy(() => import('../workshop/Presentation').then((m) => ({ default: m.PresentationBar })));

export function Editor() {
  useShortcuts();
  const presenting = useStakemap((s) => s.presenting);
  return (
    <div className={`editor${presenting ? ' is-presenting' : ''}`}>
      {presenting ? null : <TopBar />}
      <div className="editor-body">
        {presenting ? null : <Palette />}
        <main className="editor-canvas" aria-label="Map">
          <Canvas />
          {presenting ? null : <Legend />}
          {presenting ? null : <CanvasEmptyState />}
          {presenting ? null : <GridViews />}
        </main>
        {presenting ? null : <SidePanel />}
      </div>
      {presenting ? (
        <Suspense>
          <PresentationBar />
        </Suspense>
      ) : null}
      <ShortcutSheet />
      <ConnectDialog />
      <FacilitationScreens />
    </div>
  );
}
