import { expect, type BrowserContext, type Download, type Page } from '@playwright/test';
import { nameNew } from './helpers';

/** Adds a stakeholder from the palette and names it. */
export async function addNamed(page: Page, name: string, label = 'customer'): Promise<void> {
  await page.getByRole('button', { name: `Add ${label}` }).click();
  await nameNew(page, name);
}

/** The text of a downloaded file. */
export async function downloadedText(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Clicks `button` and returns the file it downloads. */
export async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await downloadedText(download) };
}

/**
 * Makes every IndexedDB write of the page fail as a full disk does, while
 * `window.__failWrites` is true.
 */
export async function injectQuotaErrors(context: BrowserContext, { lasting = false } = {}): Promise<void> {
  await context.addInitScript((lasting) => {
    const w = window as unknown as { __failWrites: boolean };
    if (lasting) {
      // A full disk stays full across pages and reloads until the test frees it.
      Object.defineProperty(w, '__failWrites', {
        get: () => localStorage.getItem('test.diskFull') === '1',
        set: (full: boolean) => localStorage.setItem('test.diskFull', full ? '1' : '0'),
      });
    } else w.__failWrites = false;
    for (const name of ['put', 'add'] as const) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- the native method, called with .apply(this) below
      const original = IDBObjectStore.prototype[name];
      IDBObjectStore.prototype[name] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (w.__failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
    // Saves are written by a worker (src/persistence/save.worker.ts), which init scripts do not reach;
    // without it the app writes them on the page, where the failure above is injected.
    const PageWorker = window.Worker;
    window.Worker = class extends PageWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        if (String(url).includes('save.worker')) throw new Error('No save worker in this test');
        super(url, options);
      }
    };
  }, lasting);
}

/** The page's IndexedDB is gone, as in browsers where site data is blocked. */
export async function disableIndexedDb(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    for (const target of [window, Object.getPrototypeOf(window)]) {
      try {
        Object.defineProperty(target, 'indexedDB', { value: undefined, configurable: true });
      } catch {
        // not definable here: the other target will do
      }
    }
  });
}

/** Collects Content-Security-Policy violations from the first script on. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

export async function openHistory(page: Page) {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'History' });
  await expect(dialog).toBeVisible();
  return dialog;
}

// Raw IndexedDB, as something other than the app (a bug, an extension, a disk) might write it.

/** Writes a record straight into IndexedDB, as something other than the app might. */
export async function putRecord(page: Page, record: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('stakemap');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('maps', 'readwrite');
          tx.objectStore('maps').put(record);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('The write failed'));
        };
      }),
    record,
  );
}

/** Adds a stakeholder to the stored record of the open map directly in IndexedDB, as a corrupt or hostile store would. */
export async function addToStoredMap(page: Page, added: Record<string, unknown>): Promise<void> {
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/map/', ''));
  await page.evaluate(
    ({ id, added }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('stakemap');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('maps', 'readwrite');
          const maps = tx.objectStore('maps');
          const get = maps.get(id);
          get.onsuccess = () => {
            const record = get.result as { map: { stakeholders: unknown[] } };
            record.map = { ...record.map, stakeholders: [...record.map.stakeholders, added] };
            maps.put(record);
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB did not write'));
        };
      }),
    { id, added },
  );
}
