// Where the far view (src/canvas/FarCanvas.tsx) draws each stakeholder, for
// the browser tests and the benchmark: its boxes are canvas pixels, not
// elements to find.
import type { Page } from '@playwright/test';

/**
 * Each stakeholder's box in page px, worked out from the map as stored
 * (IndexedDB) and the view's transform. Empty when the
 * canvas is not showing (the detailed cards are elements: centralNode).
 */
export async function farBoxes(page: Page): Promise<{ id: string; name: string; x: number; y: number; width: number; height: number }[]> {
  return page.evaluate(async () => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="far-canvas"]');
    if (!canvas || canvas.style.visibility === 'hidden') return [];
    const id = decodeURIComponent(location.hash.replace('#/map/', ''));
    const map = await new Promise<{ stakeholders: { id: string; name: string; position?: { x: number; y: number } }[] }>((resolve, reject) => {
      const open = indexedDB.open('stakemap');
      open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
      open.onsuccess = () => {
        const get = open.result.transaction('maps').objectStore('maps').get(id);
        get.onerror = () => reject(get.error ?? new Error('IndexedDB did not read'));
        get.onsuccess = () => {
          open.result.close();
          resolve((get.result as { map: never }).map);
        };
      };
    });
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const [, tx, ty, zoom] = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([\d.e-]+)\)/.exec(viewport.style.transform)!.map(Number) as [number, number, number, number];
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    // NODE_SIZE (200 × 76), at least 3 px on screen, as src/canvas/farScene.ts draws them.
    const width = Math.max(200 * zoom, 3);
    const height = Math.max(76 * zoom, 3);
    return map.stakeholders.map((s) => {
      const p = s.position ?? { x: 0, y: 0 };
      return { id: s.id, name: s.name, x: pane.left + tx + (p.x + 100) * zoom - width / 2, y: pane.top + ty + (p.y + 38) * zoom - height / 2, width, height };
    });
  });
}
