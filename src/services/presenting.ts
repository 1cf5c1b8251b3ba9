// Entering and leaving presentation mode: small, in the first bundle; the
// presentation bar itself (Presentation.tsx) loads when a presentation starts.
import { useStakemap } from '../store';

export async function enterPresentation(): Promise<void> {
  useStakemap.getState().setPresenting(true);
  try {
    await document.documentElement.requestFullscreen?.();
  } catch {
    // Full screen refused (an embedded page, a test browser): present in the window.
  }
}

export function exitPresentation(): void {
  useStakemap.getState().setPresenting(false);
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}
