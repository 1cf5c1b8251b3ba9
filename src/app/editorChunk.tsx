// The editor (React Flow, d3 and the panels: ~70 KB gzipped) is a chunk of its
// own, so the start screen never waits for it. It is asked for at once when
// the app starts on a map, and once the start screen is up otherwise, so that
// opening a map seldom waits for it either. A map route renders only once
// both the map and the editor are loaded: a lazy() component that suspends
// would hold the map back by React's fallback throttle (300 ms).
type EditorComponent = typeof import('./SafeEditor').SafeEditor;
let editor: EditorComponent | null = null;
let editorLoad: Promise<EditorComponent> | null = null;

export const loadEditor = (): Promise<EditorComponent> =>
  (editorLoad ??= import('./SafeEditor').then(
    (m) => (editor = m.SafeEditor),
    (err: unknown) => {
      editorLoad = null; // try again next time
      throw err;
    },
  ));

/** The editor, once loaded. */
export function editorLoaded(): EditorComponent | null {
  return editor;
}

/**
 * The loaded editor as one component that never changes, for the routes to
 * render once editorLoaded() says it is there (before that it draws nothing).
 */
export function LoadedEditor() {
  const Editor = editor;
  return Editor ? <Editor /> : null;
}
