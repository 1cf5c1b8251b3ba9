// The open map as IndexedDB holds it, and where the far view
// (src/canvas/FarCanvas.tsx) draws each stakeholder, for the browser tests
// and the benchmark: the far view's boxes are canvas pixels, not elements to find.
import type { Page } from '@playwright/test';

export interface StoredStakeholder {
  readonly id: string;
  readonly name: string;
  readonly position?: { readonly x: number; readonly y: number };
}

/** The stakeholders of the open map (its id from the page's address), read straight from IndexedDB. */
export async function storedStakeholders(page: Page): Promise<StoredStakeholder[]> {
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
  return page.evaluate(
    (mapId) =>
      new Promise<StoredStakeholder[]>((resolve, reject) => {
        const open = indexedDB.open('stakemap');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const get = open.result.transaction('maps').objectStore('maps').get(mapId);
          get.onerror = () => reject(get.error ?? new Error('IndexedDB did not read'));
          get.onsuccess = () => {
            open.result.close();
            const record = get.result as { map: { stakeholders: StoredStakeholder[] } } | undefined;
            resolve(record?.map.stakeholders ?? []);
          };
        };
      }),
    id,
  );
}

/**
 * Each stakeholder's box in page px, worked out from the map as stored and
 * the view's transform. Empty when the far view is not showing (the detailed
 * cards are elements).
 */
export async function farBoxes(page: Page): Promise<{ id: string; name: string; x: number; y: number; width: number; height: number }[]> {
  const view = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="far-canvas"]');
    if (!canvas || canvas.style.visibility === 'hidden') return null;
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const [, tx, ty, zoom] = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([\d.e-]+)\)/.exec(viewport.style.transform)!.map(Number) as [number, number, number, number];
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return { left: pane.left + tx, top: pane.top + ty, zoom };
  });
  if (!view) return [];
  // NODE_SIZE (200 × 76), at least 3 px on screen, as src/canvas/farScene.ts draws them.
  const width = Math.max(200 * view.zoom, 3);
  const height = Math.max(76 * view.zoom, 3);
  return (await storedStakeholders(page)).map((s) => {
    const p = s.position ?? { x: 0, y: 0 };
    return { id: s.id, name: s.name, x: view.left + (p.x + 100) * view.zoom - width / 2, y: view.top + (p.y + 38) * view.zoom - height / 2, width, height };
  });
}
