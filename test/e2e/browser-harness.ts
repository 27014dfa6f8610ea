import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Frame, type Locator, type Page } from 'playwright-core';
import { ROOT } from '../helpers/service-process';
import { CHROMIUM_ARGS, CHROMIUM_PATH, runService, type RunningService } from './preview-driver';

/**
 * What the browser test files share: whether they can run (Chromium present), the build, the
 * real service and one Chromium per file started before their tests and stopped after, a fresh
 * browser context per test with its uncaught errors, API requests and dialogs recorded, the
 * console's dev-mode sign-in, axe scans and the screenshots the README shows.
 */

export const haveChromium = fs.existsSync(CHROMIUM_PATH);

/**
 * `test` when Chromium is there, else `test.skip` with the reason printed once for `file`. In CI a
 * missing browser is a broken machine, not a reason to skip: the tests run and beforeAll fails.
 */
export function browserTestFor(file: string): jest.It {
  if (!haveChromium && !process.env.CI) {
    console.warn(`${path.relative(ROOT, file)}: skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium to run the browser tests)`);
  }
  return haveChromium || process.env.CI ? test : test.skip;
}

/** Where the README's pictures are kept. */
export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

/**
 * Writes `docs/screenshots/<name>` of a page (what is in its viewport, or the whole page with
 * `fullPage`) or of one element, and checks that it holds a picture rather than a blank.
 */
export async function writeScreenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await target.screenshot({ path: file, ...(options.fullPage ? { fullPage: true } : {}) });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  return file;
}

/** An API request a page made: its method, its address relative to the service's origin, and its body. */
export type ApiRequest = { method: string; url: string; body: string | null };

/** A page in a context of its own, with what it did recorded. */
export type Opened = { page: Page; context: BrowserContext; errors: string[]; requests: ApiRequest[]; dialogs: string[] };

export type BrowserHarness = {
  /** The running service's origin, e.g. `http://127.0.0.1:43123`. */
  origin(): string;
  service(): RunningService;
  /**
   * A new browser context (1440 × 900, plus `contextOptions`) and a page in it at `pathname` (or
   * not navigated, with `pathname` null); uncaught errors and API requests are recorded, dialogs
   * recorded and dismissed. Contexts are closed after each test.
   */
  open(pathname: string | null, contextOptions?: BrowserContextOptions): Promise<Opened>;
};

/**
 * Registers the file's beforeAll / afterEach / afterAll: `build` (the webpack build the file tests),
 * the real service in dev mode on a fresh data folder, and headless Chromium; each test's contexts
 * are closed after it, and the browser, the service and its data at the end.
 */
export function useBrowserHarness(build: () => void): BrowserHarness {
  let service: RunningService | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!haveChromium) {
      if (process.env.CI) throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
      return;
    }
    build();
    service = await runService();
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

  const running = (): { service: RunningService; browser: Browser } => {
    if (service === undefined || browser === undefined) throw new Error('beforeAll did not start the browser and the service');
    return { service, browser };
  };

  return {
    origin: () => running().service.origin,
    service: () => running().service,
    async open(pathname, contextOptions = {}) {
      const { service: started, browser: chromiumBrowser } = running();
      const context = await chromiumBrowser.newContext({ viewport: { width: 1440, height: 900 }, ...contextOptions });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: ApiRequest[] = [];
      const dialogs: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => {
        if (request.url().includes('/api/v1/')) requests.push({ method: request.method(), url: request.url().replace(started.origin, ''), body: request.postData() });
      });
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      if (pathname !== null) await page.goto(`${started.origin}${pathname}`);
      return { page, context, errors, requests, dialogs };
    },
  };
}

/** The console's context: English, in the given look. */
export const consoleLook = (colorScheme: 'light' | 'dark' = 'light'): BrowserContextOptions => ({ locale: 'en-US', colorScheme });

export type DemoUser = { email: string; name: string; roles: string[] };

/** The dev service's demo users by level: its first administrator, a salesperson (no role) and a manager who is not an administrator. */
export async function demoUsers(origin: string): Promise<{ admin: DemoUser; salesperson: DemoUser; manager: DemoUser }> {
  const response = await fetch(`${origin}/dev/users`);
  if (!response.ok) throw new Error(`GET /dev/users answered ${response.status}`);
  const { items } = (await response.json()) as { items: DemoUser[] };
  const admin = items.find((user) => user.roles.includes('Rapport.Admin')) ?? items[0];
  const salesperson = items.find((user) => user.roles.length === 0);
  const manager = items.find((user) => user.roles.includes('Rapport.Manager') && !user.roles.includes('Rapport.Admin'));
  if (admin === undefined || salesperson === undefined || manager === undefined) throw new Error(`the demo tenant lacks an administrator, a salesperson or a manager: ${JSON.stringify(items)}`);
  return { admin, salesperson, manager };
}

/** Signs in on the console's dev-mode picker as `user`, and waits for the start page. */
export async function signInAs(page: Page, user: DemoUser): Promise<void> {
  await page.getByRole('button', { name: `Sign in as ${user.name}` }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${user.name}` }).waitFor();
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown; html: string }[] };

/**
 * Fluent UI's focus manager (Tabster) puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`
 * around focus groups on purpose: they pass focus on the moment they get it, and must stay hidden
 * from screen readers (microsoft/tabster#288, a known false positive of aria-hidden-focus). Only
 * those nodes are let through; any other aria-hidden focusable element still fails the scan.
 */
const isTabsterDummy = (violation: AxeViolation, node: { html: string }) => violation.id === 'aria-hidden-focus' && node.html.includes('data-tabster-dummy');

/** axe-core run on a page or inside a frame; the serious and critical violations, summarised. */
export async function seriousViolations(target: Page | Frame): Promise<string[]> {
  await target.addScriptTag({ path: path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js') });
  const violations = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target, html: node.html })) }));
  });
  return violations
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !isTabsterDummy(violation, node)) }))
    .filter((violation) => violation.nodes.length > 0 && (violation.impact === 'serious' || violation.impact === 'critical'))
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

/** Builds only the console, in development (dev-mode sign-in); throws with webpack's output when it fails. */
export function buildConsole(): void {
  const result = spawnSync('npx', ['webpack', '--mode', 'development', '--config-name', 'console'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined || result.status !== 0) throw new Error(`building the console failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
}
