// The editor as the app shows it: inside the crash screen's boundary, and
// inert while this tab must not edit (another tab changed the map, or a newer
// app version took over storage); the banners above it say why.
import { useStakemap } from '../store';
import { CrashBoundary } from './ErrorBoundary';
import { Editor } from './Editor';
import { isReadOnly, useHealth } from '../services/health';

export function SafeEditor() {
  const mapId = useStakemap((s) => s.mapId);
  const readOnly = useHealth((s) => isReadOnly(s, mapId));
  return (
    <CrashBoundary scope="editor">
      <div className="editor-guard" inert={readOnly} data-readonly={readOnly ? 'true' : undefined}>
        <Editor />
      </div>
    </CrashBoundary>
  );
}
