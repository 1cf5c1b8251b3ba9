// The crash screen: when rendering fails, the map is still in memory and in
// storage. Say what failed, offer both copies as files, a way back, and the
// recovery view that reads storage directly.
import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { useStakemap } from '../store';
import { run, undo } from '../commands';
import { repository } from '../services/session';
import { downloadMap } from '../services/download';

interface Props {
  children: ReactNode;
  /** 'editor' can try again in place; 'app' can only reload. */
  scope: 'editor' | 'app';
}

interface State {
  error: Error | null;
  componentStack: string | null;
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

export class CrashBoundary extends Component<Props, State> {
  state: State = { error: null, componentStack: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: asError(error) };
  }

  componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? null });
  }

  render(): ReactNode {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    return (
      <CrashScreen
        error={error}
        componentStack={componentStack}
        onRetry={this.props.scope === 'editor' ? () => this.setState({ error: null, componentStack: null }) : null}
      />
    );
  }
}

/** Leaves the broken page for the recovery view with a fresh start. */
export function openRecovery(): void {
  location.hash = '#/recovery';
  location.reload();
}

function CrashScreen({ error, componentStack, onRetry }: { error: Error; componentStack: string | null; onRetry: (() => void) | null }) {
  // Read once, not subscribed: the store may be what is broken.
  const [{ mapId, map, canUndo }] = useState(() => {
    try {
      const s = useStakemap.getState();
      return { mapId: s.mapId, map: s.map, canUndo: s.undoStack.length > 0 };
    } catch {
      return { mapId: null, map: null, canUndo: false };
    }
  });
  const [note, setNote] = useState<string | null>(null);

  const downloadSaved = async () => {
    if (!mapId) return;
    try {
      const record = await repository().get(mapId);
      if (record) downloadMap(record.map);
      else setNote('No saved copy of this map was found in this browser.');
    } catch {
      setNote('The saved copy could not be read. Try the recovery view.');
    }
  };

  return (
    <main className="crash-screen" role="alert" data-testid="crash-screen">
      <h1>Something went wrong{onRetry ? ' in the editor' : ''}</h1>
      <p>
        Your map is not lost: the last saved version is in this browser, and the one you were looking at is still in this tab.
        Download it to be safe, then reload the page.
      </p>
      <div className="crash-actions">
        {map ? (
          <button type="button" className="button primary" onClick={() => downloadMap(map)}>
            Download the map as it was on screen
          </button>
        ) : null}
        {mapId ? (
          <button type="button" className="button" onClick={() => void downloadSaved()}>
            Download the last saved copy
          </button>
        ) : null}
        {onRetry && canUndo ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              run(undo);
              onRetry();
            }}
          >
            Undo the last change and try again
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => location.reload()}>
          Reload the page
        </button>
        <a className="button ghost" href="#/recovery" onClick={(e) => {
            e.preventDefault();
            openRecovery();
          }}>
          Open the recovery view
        </a>
      </div>
      {note ? <p role="status">{note}</p> : null}
      <details className="crash-details" open>
        <summary>What failed</summary>
        <pre>{`${error.name}: ${error.message}`}</pre>
        {componentStack ? <pre className="crash-stack">{componentStack.trim()}</pre> : null}
      </details>
    </main>
  );
}
