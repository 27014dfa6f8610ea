/**
 * The web console end to end: the console as `npx webpack --mode development` builds it, the real
 * service process in dev mode (PGlite, demo data), headless Chromium. Each test opens the console
 * in its own browser context, so every one starts signed out, as on a fresh device.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../helpers/service-process';
import { apiGet, CHROMIUM_ARGS, CHROMIUM_PATH, devToken, runService, type RunningService } from './preview-driver';

const haveChromium = fs.existsSync(CHROMIUM_PATH);
if (!haveChromium && !process.env.CI) console.warn(`test/e2e/console.test.ts: skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium to run the browser tests)`);
// In CI a missing browser is a broken machine, not a reason to skip: the tests run and beforeAll fails.
const browserTest = haveChromium || process.env.CI ? test : test.skip;

const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

// A build and a service start are in beforeAll; each test signs in on a fresh context.
jest.setTimeout(120_000);

type DemoUser = { email: string; name: string; roles: string[] };

let service: RunningService | undefined;
let browser: Browser | undefined;
let admin: DemoUser;
let salesperson: DemoUser;
const contexts: BrowserContext[] = [];

/** Builds only the console, in development (dev-mode sign-in); throws with webpack's output when it fails. */
function buildConsole(): void {
  const result = spawnSync('npx', ['webpack', '--mode', 'development', '--config-name', 'console'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined || result.status !== 0) throw new Error(`building the console failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
}

beforeAll(async () => {
  if (!haveChromium) {
    if (process.env.CI) throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
    return;
  }
  buildConsole();
  service = await runService();
  const users = (await (await fetch(`${service.origin}/dev/users`)).json()) as { items: DemoUser[] };
  // The demo tenant's first user is its administrator; those without a role are salespeople.
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

type Opened = { page: Page; errors: string[]; requests: { method: string; url: string; body: string | null }[] };

/** A console address in a new browser context (English, the given look), with uncaught errors and API requests recorded. */
async function open(pathname: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  if (browser === undefined || service === undefined) throw new Error('beforeAll did not start the browser and the service');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', colorScheme });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: Opened['requests'] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/')) requests.push({ method: request.method(), url: request.url(), body: request.postData() });
  });
  await page.goto(`${service.origin}${pathname}`);
  return { page, errors, requests };
}

/** Signs in on the dev-mode picker as `user`, and waits for the start page. */
async function signIn(page: Page, user: DemoUser): Promise<void> {
  await page.getByRole('button', { name: `Sign in as ${user.name}` }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` }).waitFor();
}

const origin = (): string => {
  if (service === undefined) throw new Error('no service');
  return service.origin;
};

browserTest('an administrator signs in, changes Marketing Setup, and a reload shows it saved', async () => {
  const { page, errors, requests } = await open('/console/');
  await page.getByRole('heading', { level: 1, name: 'Sign in to Rapport' }).waitFor();
  await signIn(page, admin);

  const nav = page.getByRole('navigation', { name: 'Console' });
  await nav.getByRole('link', { name: 'Marketing Setup' }).click();
  await page.getByRole('heading', { level: 1, name: 'Marketing Setup' }).waitFor();
  expect(page.url()).toBe(`${origin()}/console/setup/marketing`);
  const hitPercent = page.getByLabel('Search Hit %');
  expect(await hitPercent.inputValue()).toBe('60');
  await hitPercent.fill('72');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Marketing Setup is saved.').waitFor();

  // Only the field that changed went to the service, and the service keeps it.
  expect(requests.filter((request) => request.method === 'PATCH').map((request) => [request.url.replace(origin(), ''), JSON.parse(request.body ?? 'null')])).toEqual([
    ['/api/v1/setup/marketing', { searchHitPercent: 72 }],
  ]);
  const token = await devToken(origin(), admin.email);
  expect((await apiGet<{ searchHitPercent: number }>(origin(), token, '/setup/marketing')).searchHitPercent).toBe(72);

  // A reload of the deep link keeps the user signed in and shows the saved value.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Marketing Setup' }).waitFor();
  await page.getByLabel('Search Hit %').and(page.locator('[value="72"]')).waitFor();
  expect(errors).toEqual([]);
});

browserTest('a salesperson sees no setup, and opening Marketing Setup directly says it needs an administrator', async () => {
  const { page, errors, requests } = await open('/console/');
  await signIn(page, salesperson);
  const nav = page.getByRole('navigation', { name: 'Console' });
  expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Home']);

  await page.goto(`${origin()}/console/setup/marketing`);
  await page.getByRole('heading', { level: 1, name: 'Marketing Setup' }).waitFor();
  await page.getByText('This page needs an administrator').waitFor();
  await page.getByText('Your account does not have the Rapport.Admin role.', { exact: false }).waitFor();
  expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
  expect(requests.filter((request) => request.url.includes('/setup/marketing'))).toEqual([]);
  expect(errors).toEqual([]);
});

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown; html: string }[] };

/**
 * Fluent's focus manager (Tabster) puts invisible focusable "dummy" elements around menus; axe
 * reports them as focusable elements hidden from screen readers (microsoft/tabster#288), a known
 * false positive of aria-hidden-focus. Only those nodes are let through.
 */
const isTabsterDummy = (violation: AxeViolation, node: { html: string }) => violation.id === 'aria-hidden-focus' && node.html.includes('data-tabster-dummy');

/** axe-core run on the page; the serious and critical violations, summarised. */
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

browserTest('the sign-in page, the start page and Marketing Setup have no serious or critical axe violations, in light and in dark; Discard puts the setup back; a screenshot for the README', async () => {
  // Every screen in both looks is scanned before the verdict, so one failure does not hide the others.
  const found: Record<string, string[]> = {};
  for (const look of ['light', 'dark'] as const) {
    const { page } = await open('/console/', look);
    await page.getByRole('button', { name: `Sign in as ${admin.name}` }).waitFor();
    found[`${look}: sign-in`] = await seriousViolations(page);
    await signIn(page, admin);
    found[`${look}: start page`] = await seriousViolations(page);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Marketing Setup' }).click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    if (look === 'light') {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, 'console-marketing-setup.png');
      await page.screenshot({ path: file });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    }
    const savedHitPercent = await page.getByLabel('Search Hit %').inputValue();
    const background = await page.locator('main').evaluate((main) => getComputedStyle(main).backgroundColor);
    expect([look, background]).toEqual([look, look === 'dark' ? 'rgb(41, 41, 41)' : 'rgb(255, 255, 255)']);
    found[`${look}: Marketing Setup`] = await seriousViolations(page);
    // A field error, and the coupled flags' note, are part of the page too.
    await page.getByLabel('Search Hit %').fill('0');
    await page.getByLabel('Maintain Dupl. Search Strings').click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter a whole number from 1 to 100.').waitFor();
    found[`${look}: Marketing Setup with errors`] = await seriousViolations(page);
    if (look === 'light') {
      await page.getByRole('button', { name: 'Discard changes' }).click();
      expect(await page.getByLabel('Maintain Dupl. Search Strings').isChecked()).toBe(true);
      expect(await page.getByLabel('Autosearch for Duplicates').isChecked()).toBe(true);
      expect(await page.getByLabel('Search Hit %').inputValue()).toBe(savedHitPercent);
    }
  }
  expect(found).toEqual({
    'light: sign-in': [],
    'light: start page': [],
    'light: Marketing Setup': [],
    'light: Marketing Setup with errors': [],
    'dark: sign-in': [],
    'dark: start page': [],
    'dark: Marketing Setup': [],
    'dark: Marketing Setup with errors': [],
  });
});
