// Not one edit lost to a crash (issue #14): Chromium on a persistent profile
// is killed (SIGKILL) 50 ms after each kind of edit, then started again on the
// same profile; the edit is there, and the app says it recovered it.
// Figures for 0, 50 and 200 ms over many kills: `npm run bench:crash`.
import { expect, test } from '@playwright/test';
import { close, kill, launch, newProfile } from './crash-helpers';
import { CRASH_EDITS, setUpMap } from './crash-edits';

test.describe.configure({ timeout: 90_000 });

for (const edit of CRASH_EDITS) {
  test(`${edit.kind}: the browser killed 50 ms after the edit, the edit is there when it starts again`, async ({ baseURL }) => {
    const profile = newProfile();
    try {
      const first = await launch(profile.dir);
      await setUpMap(first.page, baseURL!);
      const made = await edit.make(first.page);
      await first.page.waitForTimeout(50);
      // Within the save delay the map itself is not saved yet, so only the journal can bring the edit back.
      // On a busy machine a slow gesture (a drag of many steps) can outlast the delay: then the save has landed.
      const savedBeforeKill = (await first.page.getByTestId('save-status').getAttribute('data-state')) === 'saved';
      await kill(first);

      const again = await launch(profile.dir);
      await again.page.goto(baseURL!); // the app opens the map that was open last
      await edit.check(again.page, made);
      if (savedBeforeKill) await expect(again.page.getByTestId('recovered-banner')).toHaveCount(0);
      else await expect(again.page.getByTestId('recovered-banner')).toContainText('recovered after Stakemap closed unexpectedly');
      await close(again);
    } finally {
      profile.remove();
    }
  });
}
