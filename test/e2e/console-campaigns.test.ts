/**
 * The console's campaign pages end to end: the console as `npx webpack --mode development` builds
 * it, the real service process in dev mode (PGlite, demo data), headless Chromium. A manager
 * creates a campaign with a price line in the console, a segment with a Campaign Target line is
 * made through the API, and the manager activates the campaign in the console, seeing the target
 * group first. Each test opens the console in a browser context of its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort, ROOT, startService, type ServiceProcess } from '../helpers/service-process';

const CHROMIUM_PATH = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const haveChromium = fs.existsSync(CHROMIUM_PATH);
if (!haveChromium && !process.env.CI) console.warn(`test/e2e/console-campaigns.test.ts: skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium to run the browser tests)`);
// In CI a missing browser is a broken machine, not a reason to skip: the tests run and beforeAll fails.
const browserTest = haveChromium || process.env.CI ? test : test.skip;

// A build and a service start are in beforeAll; each test signs in on a fresh context.
jest.setTimeout(180_000);

type DemoUser = { email: string; name: string; roles: string[] };

let service: { origin: string; dataDir: string; process: ServiceProcess } | undefined;
let browser: Browser | undefined;
let manager: DemoUser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!haveChromium) {
    if (process.env.CI) throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
    return;
  }
  const build = spawnSync('npx', ['webpack', '--mode', 'development', '--config-name', 'console'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.error !== undefined || build.status !== 0) throw new Error(`building the console failed:\n${build.stdout ?? ''}${build.stderr ?? ''}`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-campaigns-'));
  const started = startService(port, dataDir);
  service = { origin: `http://127.0.0.1:${port}`, dataDir, process: started };
  await started.ready;
  const users = (await (await fetch(`${service.origin}/dev/users`)).json()) as { items: DemoUser[] };
  manager = users.items.find((user) => user.roles.includes('Rapport.Manager') && !user.roles.includes('Rapport.Admin'))!;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}, 300_000);

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  if (service !== undefined) {
    const { child, exited } = service.process;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(service.dataDir, { recursive: true, force: true });
  }
});

const origin = (): string => {
  if (service === undefined) throw new Error('beforeAll did not start the service');
  return service.origin;
};

/** The API as the manager, with a dev token: for what the console does not do (segments) and to check what it did. */
async function api<T>(method: string, route: string, body?: unknown): Promise<T> {
  const tokenResponse = await fetch(`${origin()}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: manager.email }) });
  const { accessToken } = (await tokenResponse.json()) as { accessToken: string };
  const response = await fetch(`${origin()}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /api/v1${route} answered ${response.status}: ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

type Opened = { page: Page; errors: string[]; requests: { method: string; path: string; body: string | null }[] };

/** The console in a new English browser context of the given look, signed in as the manager; uncaught errors and API requests recorded. */
async function signedIn(colorScheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  if (browser === undefined) throw new Error('beforeAll did not start the browser');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', colorScheme });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: Opened['requests'] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v1/')) requests.push({ method: request.method(), path: url.pathname.replace('/api/v1', ''), body: request.postData() });
  });
  await page.goto(`${origin()}/console/`);
  await page.getByRole('button', { name: `Sign in as ${manager.name}` }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${manager.name}` }).waitFor();
  return { page, errors, requests };
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown; html: string }[] };

/** Fluent's focus manager puts aria-hidden focusable "dummy" elements around dialogs (microsoft/tabster#288); only those are let through. */
const isTabsterDummy = (violation: AxeViolation, node: { html: string }) => violation.id === 'aria-hidden-focus' && node.html.includes('data-tabster-dummy');

/** axe-core run on the page (contrast included: the browser computes the styles); the serious and critical violations, summarised. */
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

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

browserTest('a manager creates a campaign with a price line, and activates it for a segment’s Campaign Target after seeing the group it makes', async () => {
  const { page, errors, requests } = await signedIn();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Campaigns' }).click();
  await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
  await page.getByText(/^Campaigns: \d+$/).waitFor();

  // New campaign: description and dates; the service numbers it and gives it the manager's salesperson.
  await page.getByRole('button', { name: 'New campaign' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Description').fill('Autumn racking prices');
  await dialog.getByLabel('Starting Date').fill(isoDay(-1));
  await dialog.getByLabel('Ending Date').fill(isoDay(60));
  await dialog.getByRole('button', { name: 'Create campaign' }).click();
  await page.getByRole('heading', { level: 1, name: 'Autumn racking prices' }).waitFor();
  const no = decodeURIComponent(page.url().split('/console/campaigns/')[1] ?? '');
  expect(no).toMatch(/^CP\d{4}$/);
  await page.getByText(`Campaign ${no}. Its sales prices and line discounts are not activated.`).waitFor();

  // A price line: an item and its campaign price; the dates shown are the campaign's.
  const prices = page.getByRole('region', { name: 'Sales prices and line discounts' });
  await prices.getByText('The campaign has no sales prices or line discounts.').waitFor();
  await prices.getByRole('button', { name: 'Add line' }).click();
  await prices.getByLabel('Item No., line 1').selectOption('1000');
  await prices.getByLabel('Unit Price, line 1').fill('349,50');
  await prices.getByRole('button', { name: 'Save lines' }).click();
  await prices.getByText('The sales prices and line discounts are saved.').waitFor();
  expect(requests.filter((request) => request.method === 'PUT').map((request) => [request.path, JSON.parse(request.body ?? 'null')])).toEqual([
    [`/campaigns/${no}/price-lines`, { lines: [{ lineNo: 1, kind: 'price', itemNo: '1000', minimumQuantity: 0, unitPrice: 349.5, lineDiscountPct: 0 }] }],
  ]);
  expect((await api<{ items: unknown[] }>('GET', `/campaigns/${no}/price-lines`)).items).toEqual([
    { lineNo: 1, kind: 'price', itemNo: '1000', minimumQuantity: 0, unitPrice: 349.5, lineDiscountPct: 0, startingDate: isoDay(-1), endingDate: isoDay(60) },
  ]);

  // A segment of the campaign with a Campaign Target line, through the API (the segment pages are not in the console yet).
  const company = (await api<{ items: { no: string; name: string }[] }>('GET', '/contacts?type=company&limit=1')).items[0]!;
  const segment = await api<{ no: string }>('POST', '/segments', { description: 'Racking buyers', campaignNo: no, campaignTarget: true });
  await api('PUT', `/segments/${segment.no}/lines/${company.no}`, { campaignTarget: true });
  await page.reload();
  const segments = page.getByRole('region', { name: 'Segments' });
  await segments.getByRole('cell', { name: segment.no, exact: true }).waitFor();
  expect(await segments.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual([segment.no, 'Racking buyers', 'Yes', '1', expect.any(String)]);

  // Activate: the group it would make is shown first, and nothing changes until it is confirmed.
  const group = page.getByRole('region', { name: 'Campaign target group' });
  await group.getByText('No target group: the campaign is not activated.').waitFor();
  await group.getByRole('button', { name: 'Activate Sales Prices/Line Discounts' }).click();
  const preview = page.getByRole('dialog');
  const previewTable = preview.getByRole('table', { name: 'Target group Activate would make' });
  await previewTable.waitFor();
  expect(await previewTable.getByRole('row').nth(1).getByRole('cell').nth(2).innerText()).toBe(company.name);
  expect((await api<{ activated: boolean }>('GET', `/campaigns/${no}`)).activated).toBe(false);
  await preview.getByRole('button', { name: 'Activate Sales Prices/Line Discounts' }).click();
  await group.getByText('Activated: the sales prices and line discounts apply to the target group.').waitFor();

  // The card shows the campaign activated, with the group in force.
  await page.getByText(`Campaign ${no}. Its sales prices and line discounts are activated for its target group.`).waitFor();
  await group.getByText('Target group in force: 1').waitFor();
  expect(await group.getByRole('table', { name: 'Target group in force' }).getByRole('row').nth(1).getByRole('cell').nth(2).innerText()).toBe(company.name);
  const inForce = await api<{ activated: boolean; members: { name: string }[] }>('GET', `/campaigns/${no}/target-group`);
  expect([inForce.activated, inForce.members.map((member) => member.name)]).toEqual([true, [company.name]]);
  expect(requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual(['/campaigns', `/campaigns/${no}/activate`]);
  expect(errors).toEqual([]);
});

browserTest('the campaign list and card have no serious or critical axe violations, in light and in dark', async () => {
  const found: Record<string, string[]> = {};
  const campaigns = await api<{ items: { no: string; description: string; activated: boolean }[] }>('GET', '/campaigns?limit=50');
  // The demo tenant's spring campaign: activated, with price lines, entries and statistics.
  const campaign = campaigns.items.find((candidate) => candidate.activated)!;
  for (const look of ['light', 'dark'] as const) {
    const { page, errors } = await signedIn(look);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Campaigns' }).click();
    await page.getByText(/^Campaigns: \d+$/).waitFor();
    found[`${look}: list`] = await seriousViolations(page);

    await page.getByRole('table', { name: 'Campaigns' }).getByRole('link', { name: campaign.description, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: campaign.description }).waitFor();
    await page.getByRole('region', { name: 'Campaign entries' }).getByRole('table').waitFor();
    await page.getByRole('region', { name: 'Statistics' }).getByRole('table', { name: 'From targets to won' }).waitFor();
    await page.getByRole('region', { name: 'Campaign target group' }).getByRole('table').waitFor();
    found[`${look}: card`] = await seriousViolations(page);

    await page.getByRole('region', { name: 'Campaign target group' }).getByRole('button', { name: 'Activate Sales Prices/Line Discounts', exact: true }).click();
    await page.getByRole('dialog').getByRole('table', { name: 'Target group Activate would make' }).waitFor();
    found[`${look}: activate preview`] = await seriousViolations(page);
    // Escape leaves the dialog and changes nothing.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  }
  expect(found).toEqual({
    'light: list': [],
    'light: card': [],
    'light: activate preview': [],
    'dark: list': [],
    'dark: card': [],
    'dark: activate preview': [],
  });
});
