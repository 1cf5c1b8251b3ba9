// Votes on roles (issue 15): people answer privately, nobody sees the others'
// answers before the reveal, and the reveal ranks stakeholders by
// disagreement beside what the map shows. On one screen people take turns;
// in a live room (the real server on 127.0.0.1) each laptop votes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { overlaps, SIZES } from './room-helpers';

import { LIVE_BASE as LIVE, person, startLiveServer, type LiveServer } from './live-server';
const ASKED = ['National distributor', 'Grocery chains', 'Families who eat the cereal'];
type Answers = Record<string, string>;

/** Each person's answers: the distributor splits the room three ways, the families split two to one, the grocers not at all. */
const ANA: Answers = { 'National distributor': 'Customer', 'Grocery chains': 'Customer', 'Families who eat the cereal': 'Customer' };
const BEN: Answers = { 'National distributor': 'Partner', 'Grocery chains': 'Customer', 'Families who eat the cereal': 'Customer' };
const CHEN: Answers = { 'National distributor': 'Intermediary', 'Grocery chains': 'Customer', 'Families who eat the cereal': 'Other' };

async function openBrightfoods(page: Page, base = '/'): Promise<void> {
  await page.goto(base);
  await page.getByRole('button', { name: /Brightfoods/ }).click();
  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(5);
}

async function startVote(page: Page, named: boolean): Promise<void> {
  await page.getByRole('button', { name: 'Facilitate' }).click();
  await page.getByRole('menuitem', { name: 'Vote on roles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vote on roles' });
  // The default: everyone outside the organization (four of five); this vote asks about three.
  await expect(dialog.getByRole('button', { name: 'Start the vote on 4 stakeholders' })).toBeVisible();
  await dialog.getByRole('button', { name: 'None' }).click();
  for (const name of ASKED) await dialog.getByRole('checkbox', { name }).check();
  if (named) await dialog.getByRole('checkbox', { name: /Named/ }).check();
  await dialog.getByRole('button', { name: 'Start the vote on 3 stakeholders' }).click();
}

/** Picks a label per stakeholder on the ballot; `primary` marks one as our primary customer. */
async function fillBallot(page: Page, answers: Answers, primary?: string): Promise<void> {
  for (const [stakeholder, label] of Object.entries(answers)) {
    const question = page.locator('.ballot-question').filter({ has: page.locator('legend', { hasText: stakeholder }) });
    await question.getByRole('radio', { name: label }).check();
    if (stakeholder === primary) await question.getByRole('checkbox', { name: 'Our primary customer' }).check();
  }
}

function result(page: Page, stakeholder: string): Locator {
  return page.getByTestId('vote-result').filter({ has: page.getByRole('heading', { name: stakeholder }) });
}

async function countsOf(row: Locator): Promise<Record<string, number>> {
  const bars = await row.locator('.vote-bar').evaluateAll((els) => els.map((e) => [e.getAttribute('data-label'), Number(e.querySelector('[data-testid=vote-count]')?.textContent)] as const));
  return Object.fromEntries(bars) as Record<string, number>;
}

/** The reveal, checked: most disputed first, counts per stakeholder, the team's label and what the map shows. */
async function expectReveal(page: Page, named: boolean): Promise<void> {
  const results = page.getByTestId('vote-results');
  await expect(results).toBeVisible();
  await expect(results.locator('.vote-count')).toContainText('3 ballots');
  await expect(results.getByTestId('vote-result').locator('h3')).toHaveText(['National distributor', 'Families who eat the cereal', 'Grocery chains']);
  expect(await countsOf(result(page, 'National distributor'))).toEqual({ customer: 1, partner: 1, intermediary: 1 });
  expect(await countsOf(result(page, 'Families who eat the cereal'))).toEqual({ customer: 2, other: 1 });
  expect(await countsOf(result(page, 'Grocery chains'))).toEqual({ customer: 3 });
  await expect(result(page, 'National distributor').getByTestId('vote-verdict')).toHaveText(/Split/);
  await expect(result(page, 'Grocery chains').getByTestId('vote-verdict')).toHaveText('Agreed');
  await expect(result(page, 'National distributor').getByTestId('vote-role')).toHaveText('Partner');
  await expect(result(page, 'National distributor')).toContainText('a distribution partner, not a customer');
  await expect(result(page, 'Families who eat the cereal').getByTestId('vote-role')).toHaveText('End user');
  await expect(result(page, 'Families who eat the cereal').locator('.vote-facts')).toContainText('Other');
  await expect(result(page, 'Families who eat the cereal').locator('.vote-facts')).toContainText('Primary customer2 of 3');
  if (named) await expect(result(page, 'National distributor').locator('.vote-bar[data-label=partner]')).toContainText('Ben');
  else await expect(results).not.toContainText(/Ana|Ben|Chen/);
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

/** Screenshots at both room sizes, and nothing in the screen on anything else. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/${name}-${size.width}x${size.height}.png` });
    const boxes = await page.locator('.vote-header > *, .vote-bar > *, .vote-result-head > *, .ballot-choice, .vote-facts > div').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent ?? '', box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      }),
    );
    expect(boxes.length).toBeGreaterThan(5);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        if (boxes[i]!.box.width === 0 || boxes[j]!.box.width === 0) continue;
        expect(overlaps(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.text} on ${boxes[j]!.text} at ${size.width}x${size.height}`).toBe(false);
      }
    // Read from the back of the room: stakeholder names and counts are big.
    const smallest = await page.locator('.ballot-name, .vote-result-head h3, .vote-bar-count').evaluateAll((els) => Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))));
    expect(smallest).toBeGreaterThanOrEqual(24);
  }
}

test('on one screen three people vote in turn, hidden from each other, then the reveal', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  await openBrightfoods(page);
  await startVote(page, true);
  const open = page.getByTestId('vote-open');
  await expect(open.getByTestId('vote-cover')).toBeVisible();
  for (const [i, [name, answers, primary]] of ([['Ana', ANA, 'Families who eat the cereal'], ['Ben', BEN, 'Families who eat the cereal'], ['Chen', CHEN, 'Grocery chains']] as const).entries()) {
    await open.getByRole('button', { name: i === 0 ? 'Start the first turn' : 'I’m next: start my turn' }).click();
    // A fresh ballot: nothing of the person before shows.
    await expect(open.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(open.getByRole('checkbox', { checked: true })).toHaveCount(0);
    await expect(open.getByLabel(/Your name/)).toHaveValue('');
    await open.getByLabel(/Your name/).fill(name);
    await fillBallot(page, answers, primary);
    if (i === 1) {
      await shoot(page, 'vote-ballot-one-screen');
      await expectAccessible(page, 'ballot');
    }
    await open.getByRole('button', { name: 'Hand in and pass on' }).click();
    // The cover: the answers just given are gone from the screen.
    await expect(open.getByTestId('vote-cover')).toContainText('Pass to the next person');
    if (i === 0) await page.screenshot({ path: 'test-results/screens/vote-cover-one-screen-1280x720.png' });
    await expect(open.getByRole('radio')).toHaveCount(0);
    await expect(page.getByText(name, { exact: true })).toHaveCount(0);
    await expect(open.getByTestId('vote-ballots')).toContainText(`${i + 1} ballot`);
    await expect(page.getByTestId('vote-results')).toHaveCount(0);
  }
  // The vote screen holds the keys: N (add a stakeholder) does nothing behind it.
  await page.keyboard.press('n');
  await page.getByRole('button', { name: 'Reveal the answers (3 ballots)' }).click();
  await expectReveal(page, true);
  await shoot(page, 'vote-reveal-one-screen');
  await expectAccessible(page, 'reveal');

  // From the reveal, the team takes the room's answer for the families.
  await result(page, 'Families who eat the cereal').getByRole('button', { name: 'Relabel as Customer, as the room answered' }).click();
  await expect(result(page, 'Families who eat the cereal').locator('.vote-facts')).toContainText('Customer');
  await expect(result(page, 'Families who eat the cereal').getByRole('button', { name: /Relabel/ })).toHaveCount(0);

  // Saved with the map: after a reload, the results are still there.
  await page.getByRole('button', { name: 'Back to the map' }).click();
  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(5);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(5);
  await page.getByRole('button', { name: 'Facilitate' }).click();
  await page.getByRole('menuitem', { name: 'Vote on roles' }).click();
  await page.getByRole('dialog', { name: 'Vote on roles' }).getByRole('button', { name: 'Show the results' }).click();
  expect(await countsOf(result(page, 'Grocery chains'))).toEqual({ customer: 3 });
});

test.describe('in a live room', () => {
  let server: LiveServer;

  test.beforeAll(async () => {
    server = await startLiveServer();
  });

  test.afterAll(async () => {
    await server.stop();
  });

  test('three laptops vote, nobody sees answers before the reveal, everyone sees the results', async ({ browser }) => {
    test.setTimeout(120_000);
    const ana = await person(browser, 'Ana');
    await openBrightfoods(ana, LIVE);
    await ana.getByRole('button', { name: 'Share live' }).click();
    await ana.getByRole('button', { name: 'Start the live room' }).click();
    await ana.waitForURL(/#\/live\/[A-Za-z0-9_-]{22}$/);
    await ana.getByRole('button', { name: 'Live', exact: true }).click();
    const link = await ana.getByTestId('join-link').inputValue();
    await ana.keyboard.press('Escape');
    const ben = await person(browser, 'Ben');
    const chen = await person(browser, 'Chen');
    for (const page of [ben, chen]) {
      await page.goto(link);
      await expect(page.locator('.react-flow__node-stakeholder')).toHaveCount(5, { timeout: 15_000 });
      await expect(page.getByTestId('live-bar')).toHaveAttribute('data-status', 'online');
    }
    await expect(ana.getByTestId('live-bar')).toContainText('3 here');

    // Only the facilitator may start a vote.
    await ben.getByRole('button', { name: 'Facilitate' }).click();
    await ben.getByRole('menuitem', { name: 'Vote on roles' }).click();
    await expect(ben.getByRole('dialog', { name: 'Vote on roles' })).toContainText('Only the facilitator starts');
    await ben.keyboard.press('Escape');

    await startVote(ana, false);
    // Every laptop gets its own ballot.
    for (const page of [ana, ben, chen]) await expect(page.getByTestId('vote-open').locator('.ballot-question')).toHaveCount(3);
    await expect(ben.getByRole('button', { name: /Reveal the answers/ })).toHaveCount(0);

    await fillBallot(ben, BEN, 'Families who eat the cereal');
    await shoot(ben, 'vote-ballot-live');
    await ben.setViewportSize(SIZES[0]);
    // Ben and Chen hand in at the same moment; both ballots count.
    await fillBallot(chen, CHEN, 'Grocery chains');
    await Promise.all([ben.getByRole('button', { name: 'Hand in my answers' }).click(), chen.getByRole('button', { name: 'Hand in my answers' }).click()]);
    await fillBallot(ana, ANA, 'Families who eat the cereal');
    await ana.getByRole('button', { name: 'Hand in my answers' }).click();
    for (const page of [ana, ben, chen]) {
      await expect(page.getByTestId('vote-ballots')).toContainText('3 ballots in');
      await expect(page.getByTestId('vote-handed-in')).toBeVisible();
      // Before the reveal nobody sees anyone's answers: no results, no counts, not even their own ballot.
      await expect(page.getByTestId('vote-results')).toHaveCount(0);
      await expect(page.getByTestId('vote-count')).toHaveCount(0);
      await expect(page.getByRole('radio')).toHaveCount(0);
    }
    // Ben changes his mind about nothing but looks: his own answers, and only his, come back.
    await ben.getByRole('button', { name: 'Change my answers' }).click();
    await expect(ben.getByRole('radio', { checked: true })).toHaveCount(3);
    await expect(ben.locator('.ballot-question').filter({ hasText: 'National distributor' }).getByRole('radio', { name: 'Partner' })).toBeChecked();
    await ben.getByRole('button', { name: 'Hand in my answers' }).click();

    await ana.getByRole('button', { name: 'Reveal the answers (3 ballots)' }).click();
    for (const page of [ana, ben, chen]) await expectReveal(page, false);
    await shoot(chen, 'vote-reveal-live');
    await shoot(ana, 'vote-reveal-live-facilitator');
    // Escape goes back to the map, on that laptop only.
    await chen.keyboard.press('Escape');
    await expect(chen.getByTestId('vote-results')).toHaveCount(0);
    await expect(ben.getByTestId('vote-results')).toBeVisible();
  });
});
