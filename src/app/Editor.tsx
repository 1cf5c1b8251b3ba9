import { Canvas } from '../canvas/Canvas';
import { Palette } from '../panels/Palette';
import { SidePanel } from '../panels/SidePanel';
import { TopBar } from '../panels/TopBar';
import { useShortcuts } from './useShortcuts';

export function Editor() {
  useShortcuts();
  return (
    <div className="editor">
      <TopBar />
      <div className="editor-body">
        <Palette />
        <main className="editor-canvas" aria-label="Map">
          <Canvas />
        </main>
        <SidePanel />
      </div>
    </div>
  );
}
