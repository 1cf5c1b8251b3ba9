import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1920, height: 1080 } });
for (const n of process.argv.slice(2)) {
  await p.goto('file:///tmp/exp/' + n + '.svg');
  await p.screenshot({ path: '/tmp/exp/' + n + '.png', fullPage: true });
}
await b.close();
