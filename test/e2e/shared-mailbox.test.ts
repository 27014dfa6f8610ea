/**
 * Shared and delegated mailboxes end to end, through the mailbox preview: the add-in as
 * `npx webpack --mode development` builds it, the real service process in dev mode (PGlite, demo
 * data), headless Chromium. The preview's stand-in answers `getSharedPropertiesAsync` for the
 * messages of its shared sales@ mailbox and of the colleague's inbox the user is a delegate of, as
 * Outlook does; the pane and the ribbon command judge each message against that mailbox's owner.
 *
 * Self-contained on purpose (only the service process helper is shared), beside preview.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { freePort, ROOT, startService, type ServiceProcess } from '../helpers/service-process';

const CHROMIUM_PATH = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM_PATH);
const SKIP_REASON = `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium to run the browser tests)`;
if (!haveChromium && !process.env.CI) console.warn(`test/e2e/shared-mailbox.test.ts: ${SKIP_REASON}`);
// In CI a missing browser is a broken machine, not a reason to skip: the tests run and beforeAll fails.
const browserTest = haveChromium || process.env.CI ? test : test.skip;

/** Two demo salespeople (src/server/demo): the first is the preview's default user. */
const ASTRID = { email: 'astrid.lindqvist@nordlys.example', code: 'AL' };
const ERIK = { email: 'erik.bergman@nordlys.example', code: 'EB' };
const SALES = 'sales@nordlys.example';
const KATRIN = 'katrin.mueller@nordlys.example';

/** The preview's messages in other mailboxes (src/preview/sample-inbox.ts). */
const MSG = {
  customerToSales: { id: 'shared-sv-ram-order', internetMessageId: '<sample-shared-sv-ram-order@bergman-hydraulik.example>', sender: 'Fredrik Mattsson' },
  colleagueFromSales: { id: 'shared-en-reply', internetMessageId: '<sample-shared-en-reply@nordlys.example>', recipient: 'Mikko Kärkkäinen', recipientEmail: 'm.karkkainen@heikkisen-teras.example' },
  toDelegator: { id: 'delegated-de-rahmenvertrag', internetMessageId: '<sample-delegated-de-rahmenvertrag@schmidt-maschinenbau.example>', sender: 'Katrin Wolf' },
} as const;

type Interaction = { contactNo: string; informationFlow: string; initiatedBy: string; salespersonCode: string; userEmail: string; mailboxAddress: string };

jest.setTimeout(120_000);

let child: ServiceProcess | undefined;
let origin = '';
let dataDir = '';
let browser: Browser | undefined;
let token = '';
const contexts: BrowserContext[] = [];

async function devToken(email: string): Promise<string> {
  const response = await fetch(`${origin}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  if (!response.ok) throw new Error(`POST /dev/token answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function apiGet<T>(route: string): Promise<T> {
  const response = await fetch(`${origin}/api/v1${route}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/v1${route} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const loggedOnServer = async (internetMessageId: string) =>
  (await apiGet<{ interactions: Interaction[] }>(`/interactions/logged?internetMessageId=${encodeURIComponent(internetMessageId)}`)).interactions;

/** Waits until the server holds `count` interactions for the message; returns them. */
async function serverInteractions(internetMessageId: string, count: number): Promise<Interaction[]> {
  const deadline = Date.now() + 20_000;
  let seen: Interaction[] = [];
  while (Date.now() < deadline) {
    seen = await loggedOnServer(internetMessageId);
    if (seen.length === count) return seen;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`waited for ${count} interaction(s) of ${internetMessageId} on the server, saw ${seen.length}`);
}

const contactNoOf = async (email: string) => (await apiGet<{ items: { no: string }[] }>(`/contacts?email=${encodeURIComponent(email)}`)).items.map((contact) => contact.no);

beforeAll(async () => {
  if (!haveChromium) {
    if (process.env.CI) throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
    return;
  }
  // The add-in and the preview only: the console is not needed here.
  const build = spawnSync('npx', ['webpack', '--mode', 'development', '--config-name', 'addin', '--config-name', 'preview'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) throw new Error(`npx webpack --mode development failed:\n${build.stdout}${build.stderr}`);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-shared-'));
  const port = await freePort();
  child = startService(port, dataDir);
  await child.ready;
  origin = `http://127.0.0.1:${port}`;
  token = await devToken(ASTRID.email);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 240_000);

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  if (child !== undefined && child.child.exitCode === null) {
    child.child.kill('SIGTERM');
    await Promise.race([child.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  if (dataDir !== '') fs.rmSync(dataDir, { recursive: true, force: true });
});

type Opened = { page: Page; pane: FrameLocator; errors: string[] };

/** The preview as `user`, in English, on `item`, in a browser context of its own (a device of its own). */
async function openPreview(item: string, user = ASTRID.email): Promise<Opened> {
  if (browser === undefined) throw new Error('beforeAll did not start the browser');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/preview/?${new URLSearchParams({ user, lang: 'en-US', item }).toString()}`);
  return { page, pane: page.frameLocator('iframe[title="Rapport task pane, device 1"]'), errors };
}

const pick = ({ contactNo, informationFlow, initiatedBy, salespersonCode, userEmail, mailboxAddress }: Interaction) => ({ contactNo, informationFlow, initiatedBy, salespersonCode, userEmail, mailboxAddress });

browserTest('a customer’s message in the shared sales@ mailbox is logged inbound, as the user’s; a colleague logging it again adds nothing', async () => {
  const { page, pane, errors } = await openPreview(MSG.customerToSales.id);
  // The preview shows whose mailbox it is, and so does the pane.
  await page.locator(`[data-mailbox-owner="${SALES}"]`).waitFor();
  await pane.getByText(`In the shared mailbox ${SALES}`).waitFor();
  await pane.getByRole('heading', { name: MSG.customerToSales.sender }).waitFor();
  // sales@ is no contact, yet it is not offered as one.
  expect(await pane.getByRole('button', { name: /as contact$/ }).count()).toBe(0);

  await pane.getByRole('button', { name: 'Log e-mail' }).click();
  const [logged] = await serverInteractions(MSG.customerToSales.internetMessageId, 1);
  expect(pick(logged!)).toEqual({
    contactNo: (await contactNoOf('f.mattsson@bergman-hydraulik.example'))[0],
    informationFlow: 'inbound',
    initiatedBy: 'them',
    salespersonCode: ASTRID.code,
    userEmail: ASTRID.email,
    mailboxAddress: SALES,
  });
  await pane.getByText(/^Logged by you/).waitFor({ timeout: 20_000 });

  // Erik reads the same shared mailbox on his own device and logs the message from the ribbon.
  const erik = await openPreview(MSG.customerToSales.id, ERIK.email);
  await erik.page.waitForFunction(() => (window as unknown as { rapportPreview?: { mailbox: { isRegistered(name: string): boolean } } }).rapportPreview?.mailbox.isRegistered('logEmail') === true, undefined, { timeout: 30_000 });
  await erik.page.getByRole('toolbar', { name: 'Outlook ribbon' }).getByRole('button', { name: 'Log email', exact: true }).click();
  await erik.page.locator('.notices [data-notice-key]').filter({ hasText: `Rapport: this email was already logged by ${ASTRID.email}.` }).waitFor({ timeout: 30_000 });
  expect((await serverInteractions(MSG.customerToSales.internetMessageId, 1)).map(pick)).toEqual([pick(logged!)]);
  expect([...errors, ...erik.errors]).toEqual([]);
});

browserTest('a colleague’s answer from sales@ shows its recipients and is logged outbound for them, as the user’s', async () => {
  const { pane, errors } = await openPreview(MSG.colleagueFromSales.id);
  await pane.getByText(`In the shared mailbox ${SALES}`).waitFor();
  await pane.getByText('Recipients').waitFor();
  await pane.getByLabel(MSG.colleagueFromSales.recipient).waitFor();
  await pane.getByRole('button', { name: 'Log e-mail' }).click();
  const [logged] = await serverInteractions(MSG.colleagueFromSales.internetMessageId, 1);
  expect(pick(logged!)).toEqual({
    contactNo: (await contactNoOf(MSG.colleagueFromSales.recipientEmail))[0],
    informationFlow: 'outbound',
    initiatedBy: 'us',
    salespersonCode: ASTRID.code,
    userEmail: ASTRID.email,
    mailboxAddress: SALES,
  });
  expect(errors).toEqual([]);
});

browserTest('a message in the inbox the user is a delegate of is logged inbound with that mailbox, as the user’s', async () => {
  const { pane, errors } = await openPreview(MSG.toDelegator.id);
  await pane.getByText(`In the shared mailbox ${KATRIN}`).waitFor();
  await pane.getByRole('heading', { name: MSG.toDelegator.sender }).waitFor();
  await pane.getByRole('button', { name: 'Log e-mail' }).click();
  const [logged] = await serverInteractions(MSG.toDelegator.internetMessageId, 1);
  expect(pick(logged!)).toMatchObject({ informationFlow: 'inbound', salespersonCode: ASTRID.code, userEmail: ASTRID.email, mailboxAddress: KATRIN });
  expect(errors).toEqual([]);
});
