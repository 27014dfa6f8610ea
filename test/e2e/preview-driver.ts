import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { freePort, ROOT, startService, type ServiceProcess } from '../helpers/service-process';

/**
 * What the browser tests and the pane benchmark share: building the add-in, running the real
 * service on the preview, and reaching the pane's frames and the API the way a user and an
 * administrator would.
 */

export const CHROMIUM_PATH = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';

/** The flags the project runs headless Chromium with (architecture: browser tests). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] as const;

/** The demo tenant's first salesperson (the administrator), the salesperson of the known senders used here. */
export const PREVIEW_USER = { email: 'astrid.lindqvist@nordlys.example', name: 'Astrid Lindqvist' } as const;

export type WebpackMode = 'development' | 'production';

/** Runs `npx webpack --mode <mode>` (with `--env <flag>` for each of `webpackEnv`); throws with webpack's output when it fails. Returns that output. */
export function buildAddin(mode: WebpackMode, env: Record<string, string> = {}, webpackEnv: readonly string[] = []): string {
  const result = spawnSync('npx', ['webpack', '--mode', mode, ...webpackEnv.flatMap((flag) => ['--env', flag])], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error !== undefined || result.status !== 0) {
    throw new Error(`npx webpack --mode ${mode} failed (${result.error?.message ?? `exit ${String(result.status)}`}):\n${output}`);
  }
  return output;
}

export type RunningService = { origin: string; dataDir: string; process: ServiceProcess; stop(): Promise<void> };

/** The real service in dev mode on a free port; `dataDir` is a fresh temp folder unless given. */
export async function runService(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-data-'))): Promise<RunningService> {
  const port = await freePort();
  const service = startService(port, dataDir);
  await service.ready;
  return {
    origin: `http://127.0.0.1:${port}`,
    dataDir,
    process: service,
    async stop() {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGTERM');
        await Promise.race([service.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
      }
    },
  };
}

/** A dev token of `email` from the service's `/dev/token`. */
export async function devToken(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  if (!response.ok) throw new Error(`POST /dev/token answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { accessToken?: unknown };
  if (typeof body.accessToken !== 'string') throw new Error('POST /dev/token gave no accessToken');
  return body.accessToken;
}

/** GET on the API with a bearer token; throws on anything but 2xx. */
export async function apiGet<T>(origin: string, token: string, route: string): Promise<T> {
  const response = await fetch(`${origin}/api/v1${route}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/v1${route} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export type LoggedReply = { logged: boolean; interactions: { entryNo: number; contactNo: string }[] };

/** The server's interactions for one message (`GET /interactions/logged`). */
export const loggedOnServer = (origin: string, token: string, internetMessageId: string) =>
  apiGet<LoggedReply>(origin, token, `/interactions/logged?internetMessageId=${encodeURIComponent(internetMessageId)}`);

/** Calls `probe` until it returns a value other than undefined, or throws `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last === undefined ? '' : ` (last error: ${String(last)})`}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** `officeReadyMs`: how long the stand-in's Office.onReady takes (default 300 ms, as Office.js's own start). */
export type PreviewOptions = { item?: string; theme?: 'light' | 'dark'; devices?: 1 | 2; officeReadyMs?: number };

/** The preview's address with the user and English pinned, so the pane's texts are the en-US ones. */
export function previewUrl(origin: string, options: PreviewOptions = {}): string {
  const params = new URLSearchParams({ user: PREVIEW_USER.email, lang: 'en-US' });
  if (options.item !== undefined) params.set('item', options.item);
  if (options.theme !== undefined) params.set('theme', options.theme);
  if (options.devices === 2) params.set('devices', '2');
  if (options.officeReadyMs !== undefined) params.set('officeReadyMs', String(options.officeReadyMs));
  return `${origin}/preview/?${params.toString()}`;
}

/** The task pane of a device, by the frame's accessible name. */
export const paneFrame = (page: Page, device = 1): FrameLocator => page.frameLocator(`iframe[title="Rapport task pane, device ${device}"]`);

/** The Frame object of a device's pane (for script injection and evaluation), once it has loaded. */
export async function paneFrameObject(page: Page, device = 1): Promise<Frame> {
  const handle = await page.locator(`iframe[title="Rapport task pane, device ${device}"]`).elementHandle();
  const frame = await handle?.contentFrame();
  if (frame === null || frame === undefined) throw new Error(`the pane of device ${device} has no frame`);
  return frame;
}

/** The preview's column of one device: its Online switch and Reload button. */
export const deviceColumn = (page: Page, device = 1) => page.getByRole('complementary', { name: 'Rapport task panes' }).locator(`section[data-device="${device}"]`);

/** Selects a message in the preview's list, as a click in Outlook's list would. */
export async function selectMessage(page: Page, itemId: string): Promise<void> {
  await page.waitForFunction(() => 'rapportPreview' in window);
  const folderOf = await page.evaluate((id) => (window as unknown as { rapportPreview: { mailbox: { item(id: string): { folder: string } | undefined } } }).rapportPreview.mailbox.item(id)?.folder, itemId);
  if (folderOf === undefined) throw new Error(`the preview has no message ${itemId}`);
  await page.getByRole('navigation', { name: 'Folders' }).locator(`button[data-folder="${folderOf}"]`).click();
  await page.getByRole('list', { name: 'Messages' }).locator(`button[data-item-id="${itemId}"]`).click();
}

/** Resolves once the commands runtime has registered the function command `name`. */
export async function commandRegistered(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (command) => (window as unknown as { rapportPreview?: { mailbox: { isRegistered(name: string): boolean } } }).rapportPreview?.mailbox.isRegistered(command) === true,
    name,
    { timeout: 30_000 },
  );
}
