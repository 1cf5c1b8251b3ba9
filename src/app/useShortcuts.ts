// Editor keyboard shortcuts: the keys come from the commands (src/commands).
import { useEffect } from 'react';
import { handleShortcut } from '../commands';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleShortcut(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
