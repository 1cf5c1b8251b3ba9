import { Canvas } from '../canvas/Canvas';
import { Palette } from '../panels/Palette';
import { SidePanel } from '../panels/SidePanel';
import { TopBar } from '../panels/TopBar';
import { Legend } from '../panels/Legend';
import { ShortcutSheet } from '../panels/ShortcutSheet';
import { ConnectDialog } from '../panels/ConnectDialog';
import { CanvasEmptyState } from '../panels/CanvasEmptyState';
import { PresentationBar } from '../workshop/Presentation';
import { useStakemap } from '../store';
import { useShortcuts } from './useShortcuts';

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
        </main>
        {presenting ? null : <SidePanel />}
      </div>
      {presenting ? <PresentationBar /> : null}
      <ShortcutSheet />
      <ConnectDialog />
    </div>
  );
}
