/**
 * The console's Setup section end to end: the console as `npx webpack --mode development` builds
 * it, the real service in dev mode (PGlite, demo data), headless Chromium. Each test opens the
 * console in a browser context of its own, signed out, as on a fresh device.
 */
import type { Page } from 'playwright-core';
import { browserTestFor, buildConsole, consoleLook, demoUsers, haveChromium, seriousViolations, signInAs, useBrowserHarness, writeScreenshot, type DemoUser, type Opened } from './browser-harness';
import { devToken } from './preview-driver';

const browserTest = browserTestFor(__filename);

jest.setTimeout(180_000);

const harness = useBrowserHarness(buildConsole);
let admin: DemoUser;
let salesperson: DemoUser;

beforeAll(async () => {
  if (haveChromium) ({ admin, salesperson } = await demoUsers(harness.origin()));
});

const origin = (): string => harness.origin();

/** The console signed in as `user` in a new browser context (English, the given look), with uncaught errors and API requests recorded. */
async function signedIn(user: DemoUser, look: 'light' | 'dark' = 'light'): Promise<Opened> {
  const opened = await harness.open('/console/', consoleLook(look));
  await signInAs(opened.page, user);
  return opened;
}

/** Opens a setup page from the navigation, as an administrator would. */
async function openSetupPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

browserTest('a number series line changed in the console gives the next number the console showed to the contact created afterwards', async () => {
  const { page, errors, requests } = await signedIn(admin);
  await openSetupPage(page, 'Number Series');
  await page.getByRole('button', { name: 'CONT', exact: true }).click();
  const form = page.getByRole('region', { name: 'CONT', exact: true });
  const lastNoUsed = form.getByLabel('Last No. Used, line 1');
  await lastNoUsed.fill('CT009000');
  await form.getByLabel('Increment-by No., line 1').fill('5');
  await form.getByText('A record created today gets: CT009005').waitFor();
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText('Saved.').waitFor();
  // The list shows the saved series' next number too.
  await page.getByRole('table', { name: 'Number Series' }).getByRole('row', { name: /CONT/ }).getByText('CT009005').waitFor();
  expect(requests.filter((request) => request.method === 'PUT').map((request) => request.url)).toEqual(['/api/v1/setup/number-series/CONT']);

  const token = await devToken(origin(), admin.email);
  const created = await fetch(`${origin()}/api/v1/contacts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'company', name: 'Numbered after the console' }),
  });
  expect(created.status).toBe(201);
  expect(((await created.json()) as { contact: { no: string } }).contact.no).toBe('CT009005');

  // The number it took is the series' Last No. Used now, and the page shows the one after it once it reads again.
  await page.reload();
  await page.getByRole('button', { name: 'CONT', exact: true }).click();
  await page.getByRole('region', { name: 'CONT', exact: true }).getByText('A record created today gets: CT009010').waitFor();
  expect(errors).toEqual([]);
});

browserTest('a salesperson sees no Setup section, and opening a setup page directly says it needs an administrator and why', async () => {
  const { page, errors, requests } = await signedIn(salesperson);
  expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link').allInnerTexts()).toEqual(['Home', 'Contact list', 'Contact Duplicates', 'Campaigns']);
  await page.goto(`${origin()}/console/setup/number-series`);
  await page.getByRole('heading', { level: 1, name: 'Number Series' }).waitFor();
  await page.getByText('This page needs an administrator').waitFor();
  await page.getByText('Your account does not have the Rapport.Admin role. An administrator can give it to you in Microsoft Entra ID.').waitFor();
  expect(await page.getByRole('button', { name: 'New number series' }).count()).toBe(0);
  expect(requests.filter((request) => request.url.includes('/setup/'))).toEqual([]);
  expect(errors).toEqual([]);
});

/** Each setup page with a record open (its lines, formulas or nested languages showing), and how to open it. */
const PAGES: readonly { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'Number Series', open: (page) => page.getByRole('button', { name: 'CONT', exact: true }).click() },
  { name: 'Salespeople', open: (page) => page.getByRole('button', { name: 'New salesperson' }).click() },
  { name: 'Teams', open: (page) => page.getByRole('button', { name: 'SALES', exact: true }).click() },
  { name: 'Salutations', open: (page) => page.getByRole('button', { name: 'M', exact: true }).click() },
  { name: 'Code Lists', open: (page) => page.getByRole('tab', { name: 'Languages' }).click() },
  { name: 'Interaction Templates', open: (page) => page.getByRole('button', { name: 'BUS', exact: true }).click() },
  { name: 'Interaction Template Setup', open: async () => undefined },
  { name: 'Sales Cycles', open: (page) => page.getByRole('button', { name: 'NEW', exact: true }).click() },
  { name: 'Activities', open: (page) => page.getByRole('button', { name: 'New activity' }).click() },
  { name: 'Duplicate Search', open: async () => undefined },
];

browserTest('the setup pages have no serious or critical axe violations, in light and in dark, with a record open; a screenshot for the README', async () => {
  // Every page in both looks is scanned before the verdict, so one failure does not hide the others.
  const found: Record<string, string[]> = {};
  for (const look of ['light', 'dark'] as const) {
    const { page, errors } = await signedIn(admin, look);
    for (const entry of PAGES) {
      await openSetupPage(page, entry.name);
      // The page's list or form is there once its first field or row is.
      await page.locator('main input, main select, main table').first().waitFor();
      await entry.open(page);
      await page.waitForLoadState('networkidle');
      if (look === 'light' && entry.name === 'Number Series') {
        // The open series at the top, its lines and its next number in view.
        await page.getByRole('region', { name: 'CONT', exact: true }).evaluate((region) => region.scrollIntoView({ block: 'start' }));
        await writeScreenshot(page, 'console-setup-number-series.png');
      }
      found[`${look}: ${entry.name}`] = await seriousViolations(page);
    }
    // A date formula that is not one is part of a page too.
    await openSetupPage(page, 'Activities');
    await page.getByRole('button', { name: 'New activity' }).click();
    await page.getByRole('region', { name: 'New activity' }).getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Date Formula, step 1').fill('1X');
    await page.getByText('This is not a date formula: “X” is not understood.').waitFor();
    found[`${look}: Activities with a formula error`] = await seriousViolations(page);
    expect(errors).toEqual([]);
  }
  expect(Object.entries(found).filter(([, violations]) => violations.length > 0)).toEqual([]);
});
