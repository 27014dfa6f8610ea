/**
 * The console's Setup section end to end: the console as `npx webpack --mode development` builds
 * it, the real service in dev mode (PGlite, demo data), headless Chromium. Each test opens the
 * console in a browser context of its own, signed out, as on a fresh device.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../helpers/service-process';
import { CHROMIUM_ARGS, CHROMIUM_PATH, devToken, runService, type RunningService } from './preview-driver';

const haveChromium = fs.existsSync(CHROMIUM_PATH);
if (!haveChromium && !process.env.CI) console.warn(`test/e2e/console-setup.test.ts: skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium to run the browser tests)`);
// In CI a missing browser is a broken machine, not a reason to skip: the tests run and beforeAll fails.
const browserTest = haveChromium || process.env.CI ? test : test.skip;

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

jest.setTimeout(180_000);

type DemoUser = { email: string; name: string; roles: string[] };

let service: RunningService | undefined;
let browser: Browser | undefined;
let admin: DemoUser;
let salesperson: DemoUser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!haveChromium) {
    if (process.env.CI) throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
    return;
  }
  const build = spawnSync('npx', ['webpack', '--mode', 'development', '--config-name', 'console'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.error !== undefined || build.status !== 0) throw new Error(`building the console failed:\n${build.stdout ?? ''}${build.stderr ?? ''}`);
  service = await runService();
  const users = (await (await fetch(`${service.origin}/dev/users`)).json()) as { items: DemoUser[] };
  admin = users.items.find((user) => user.roles.includes('Rapport.Admin')) ?? users.items[0]!;
  salesperson = users.items.find((user) => user.roles.length === 0)!;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}, 240_000);

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  if (service !== undefined) fs.rmSync(service.dataDir, { recursive: true, force: true });
});

const origin = (): string => {
  if (service === undefined) throw new Error('no service');
  return service.origin;
};

type Opened = { page: Page; errors: string[]; requests: { method: string; url: string }[] };

/** The console signed in as `user` in a new browser context (English, the given look), with uncaught errors and API requests recorded. */
async function signedIn(user: DemoUser, colorScheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  if (browser === undefined) throw new Error('beforeAll did not start the browser');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', colorScheme });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: Opened['requests'] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/')) requests.push({ method: request.method(), url: request.url().replace(origin(), '') });
  });
  await page.goto(`${origin()}/console/`);
  await page.getByRole('button', { name: `Sign in as ${user.name}` }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` }).waitFor();
  return { page, errors, requests };
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
  expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link').allInnerTexts()).toEqual(['Home', 'Contact list', 'Contact Duplicates']);
  await page.goto(`${origin()}/console/setup/number-series`);
  await page.getByRole('heading', { level: 1, name: 'Number Series' }).waitFor();
  await page.getByText('This page needs an administrator').waitFor();
  await page.getByText('Your account does not have the Rapport.Admin role. An administrator can give it to you in Microsoft Entra ID.').waitFor();
  expect(await page.getByRole('button', { name: 'New number series' }).count()).toBe(0);
  expect(requests.filter((request) => request.url.includes('/setup/'))).toEqual([]);
  expect(errors).toEqual([]);
});

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown; html: string }[] };

/** Fluent's focus manager puts aria-hidden focusable "dummy" elements around menus and dialogs (microsoft/tabster#288); only those are let through. */
const isTabsterDummy = (violation: AxeViolation, node: { html: string }) => violation.id === 'aria-hidden-focus' && node.html.includes('data-tabster-dummy');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target, html: node.html })) }));
  });
  return violations
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !isTabsterDummy(violation, node)) }))
    .filter((violation) => violation.nodes.length > 0 && (violation.impact === 'serious' || violation.impact === 'critical'))
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

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
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const file = path.join(SCREENSHOTS, 'console-setup-number-series.png');
        await page.screenshot({ path: file });
        expect(fs.statSync(file).size).toBeGreaterThan(10_000);
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
