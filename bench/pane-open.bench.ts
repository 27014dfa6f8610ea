/**
 * The task pane in headless Chromium through the mailbox preview, on the real dev service with
 * 100,000 synthetic contacts beside the demo data and the pane's IndexedDB filled once (warm cache):
 *
 * - pane open → sender card: reload the pane frame with a known sender selected, read the pane's
 *   marks `rapport:shell` and `rapport:sender-card` (navigation start → mark), 20 runs after a warm-up;
 * - "Log e-mail" click → `rapport:logged`, a new message per run;
 * - the live JS heap after the card shows (a full GC first), the largest of the runs, and beside it
 *   `performance.memory` without GC (--enable-precise-memory-info);
 * - the production bundle's gzip sizes, from webpack's GzipSizePlugin lines.
 *
 * The preview exists only in development builds (webpack.config.js), so the browser figures are
 * taken on an optimized development build: the add-in minified with React's production build, as
 * it ships, signing in with the dev service's tokens. The production build is made first, for its
 * sizes only.
 * BENCH_CONTACTS changes the number of synthetic contacts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import {
  apiGet,
  buildAddin,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  commandRegistered,
  deviceColumn,
  devToken,
  paneFrame,
  paneFrameObject,
  PREVIEW_USER,
  previewUrl,
  runService,
} from '../test/e2e/preview-driver';
import { seedPaneContacts } from './lib/pane-seed';
import { percentile, report, type Figure } from './lib/report';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const RUNS = 20;
const WARM_UP = 3;
const KNOWN = { id: 'sv-offert-hydraulslangar', name: 'Jonas Isaksson', email: 'j.isaksson@bergman-hydraulik.example' } as const;

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const median = (samples: readonly number[]) => percentile(samples, 50);

/** `<entry>: initial JS 123.4 KiB gzip` and `all JS: 456.7 KiB gzip` from GzipSizePlugin's log. */
function gzipSizes(output: string): { taskpaneKb: number; allKb: number } {
  const taskpane = /taskpane: initial JS ([\d.]+) KiB gzip/.exec(output);
  const all = /all JS: ([\d.]+) KiB gzip/.exec(output);
  if (taskpane?.[1] === undefined || all?.[1] === undefined) throw new Error(`webpack's output has no GzipSizePlugin lines:\n${output.slice(-3000)}`);
  return { taskpaneKb: Number(taskpane[1]), allKb: Number(all[1]) };
}

type PaneTimes = { shell: number; card: number; officeReady: number | null; heapBytes: number | null };

/** The marks of the pane's current document (ms since its navigation start) and the heap then. */
async function paneTimes(frame: Frame): Promise<PaneTimes> {
  await frame.waitForFunction(() => performance.getEntriesByName('rapport:sender-card').length > 0, undefined, { timeout: 60_000 });
  // No helper functions inside: tsx names them with a helper that does not exist in the page.
  return frame.evaluate(() => {
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return {
      shell: performance.getEntriesByName('rapport:shell')[0]?.startTime ?? Number.NaN,
      card: performance.getEntriesByName('rapport:sender-card')[0]?.startTime ?? Number.NaN,
      officeReady: performance.getEntriesByName('bench:office-ready')[0]?.startTime ?? null,
      heapBytes: memory?.usedJSHeapSize ?? null,
    };
  });
}

/** Reloads device 1's pane (the preview's own Reload button) and waits for the new document. */
async function reloadPane(page: Page): Promise<Frame> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame.url().includes('/preview/pane.html?device=1'), timeout: 30_000 });
  await deviceColumn(page).getByRole('button', { name: 'Reload' }).click();
  return navigated;
}

/** Waits until the pane's footer says it has synced and stays so (no page still being pulled). */
async function waitForSyncedCache(page: Page, timeoutMs: number): Promise<void> {
  const status = paneFrame(page).getByRole('contentinfo', { name: 'Sync status' }).getByRole('status');
  const deadline = Date.now() + timeoutMs;
  let calm = 0;
  while (calm < 3) {
    if (Date.now() > deadline) throw new Error(`the pane did not finish its initial sync in ${timeoutMs / 1000} s (status: ${await status.innerText().catch(() => '?')})`);
    const text = await status.innerText().catch(() => '');
    calm = /^Synced/.test(text) ? calm + 1 : 0;
    await page.waitForTimeout(1_000);
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);

  // 1. Bundle sizes of the production build, then the optimized development build the preview runs.
  const production = gzipSizes(buildAddin('production'));
  buildAddin('development', {}, ['optimized']);

  // 2. The dev service once (demo data), stopped; 100k contacts added; started again.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-pane-'));
  const first = await runService(dataDir);
  await first.stop();
  const seedMs = await seedPaneContacts(dataDir, CONTACTS, 23);
  const service = await runService(dataDir);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-pane-chromium-'));
  try {
    const token = await devToken(service.origin, PREVIEW_USER.email);
    const senders = await apiGet<{ items: unknown[] }>(service.origin, token, `/contacts?email=${encodeURIComponent(KNOWN.email)}`);
    if (senders.items.length !== 1) throw new Error(`${KNOWN.email} is ${senders.items.length} contacts after seeding, not one: the card would not be a single contact's`);

    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
      viewport: { width: 1440, height: 900 },
    });
    // When Office.onReady resolves in the pane: the stand-in waits 300 ms as Office.js waits on
    // its host, so the card's time is also reported from that moment.
    // As text, not a function: tsx would name the function's inner arrows with a helper the page lacks.
    await context.addInitScript({
      content: `(() => {
        if (!location.pathname.endsWith('/pane.html')) return;
        let office;
        Object.defineProperty(window, 'Office', {
          configurable: true,
          get() { return office; },
          set(value) {
            if (value !== undefined) {
              const onReady = value.onReady.bind(value);
              value.onReady = function (callback) {
                return onReady().then(function (info) {
                  if (performance.getEntriesByName('bench:office-ready').length === 0) performance.mark('bench:office-ready');
                  if (callback) callback(info);
                  return info;
                });
              };
            }
            office = value;
          },
        });
      })();`,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const cdp = await context.newCDPSession(page);
    const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
    /** The renderer's live JS heap: garbage collected first, then the isolate's used size. */
    const liveHeapBytes = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };

    // 3. The pane's initial sync of the whole directory, once.
    const syncStarted = Date.now();
    // Office.onReady at once: the figures are the pane's own, Office.js excluded.
    await page.goto(previewUrl(service.origin, { item: KNOWN.id, officeReadyMs: 0 }));
    await paneFrame(page).getByRole('heading', { name: KNOWN.name }).waitFor({ timeout: 120_000 });
    await waitForSyncedCache(page, 600_000);
    const initialSyncS = (Date.now() - syncStarted) / 1000;
    const storage = await (await paneFrameObject(page)).evaluate(() => navigator.storage.estimate().then((estimate) => estimate.usage ?? 0));
    process.stdout.write(`  seeded ${CONTACTS} contacts in ${(seedMs / 1000).toFixed(1)} s; the pane synced them in ${initialSyncS.toFixed(1)} s (origin storage ${Math.round(storage / 1024 / 1024)} MiB); ${product}\n`);

    // 4. Pane open → sender card, warm cache.
    const opens: PaneTimes[] = [];
    const liveHeaps: number[] = [];
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const frame = await reloadPane(page);
      const times = await paneTimes(frame);
      await paneFrame(page).getByRole('heading', { name: KNOWN.name }).waitFor();
      if (run >= WARM_UP) {
        opens.push(times);
        liveHeaps.push(await liveHeapBytes());
      }
    }

    // 5. "Log e-mail" click → shown logged; each run logs a new sent message to the known contact.
    await commandRegistered(page, 'onMessageSendHandler');
    const loggedMs: number[] = [];
    const pane = paneFrame(page);
    const frame = await paneFrameObject(page);
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const sent = await page.evaluate(
        async ({ run: index, to }) => {
          const { mailbox } = (window as unknown as { rapportPreview: { mailbox: { compose(prefill: object): { id: string }; send(id: string): Promise<{ state: string }> } } }).rapportPreview;
          const draft = mailbox.compose({ to: [to], subject: `Bench quotation ${index}`, text: 'Please find the quotation attached.' });
          return (await mailbox.send(draft.id)).state;
        },
        { run, to: { displayName: KNOWN.name, emailAddress: KNOWN.email } },
      );
      if (sent !== 'sent') throw new Error(`run ${run}: the preview did not send the message (${sent})`);
      const button = pane.getByRole('button', { name: 'Log e-mail' });
      await button.waitFor();
      const marksBefore = await frame.evaluate(() => {
        document.addEventListener('click', (event) => ((window as unknown as { benchClickAt?: number }).benchClickAt = event.timeStamp), { capture: true, once: true });
        return performance.getEntriesByName('rapport:logged').length;
      });
      await button.click();
      await frame.waitForFunction((before) => performance.getEntriesByName('rapport:logged').length > before, marksBefore, { timeout: 30_000 });
      const elapsed = await frame.evaluate(() => {
        const marks = performance.getEntriesByName('rapport:logged');
        const clickAt = (window as unknown as { benchClickAt?: number }).benchClickAt ?? Number.NaN;
        return (marks[marks.length - 1]?.startTime ?? Number.NaN) - clickAt;
      });
      if (run >= WARM_UP) loggedMs.push(elapsed);
    }
    if (pageErrors.length > 0) throw new Error(`errors in the preview: ${pageErrors.join('; ')}`);
    await context.close();

    const cards = opens.map((times) => times.card);
    const shells = opens.map((times) => times.shell);
    const afterOffice = opens.filter((times) => times.officeReady !== null).map((times) => times.card - (times.officeReady ?? 0));
    const heaps = opens.map((times) => times.heapBytes).filter((bytes): bytes is number => bytes !== null);
    if (cards.some(Number.isNaN) || loggedMs.some(Number.isNaN)) throw new Error('a mark was missing in a run');
    const figures: Figure[] = [
      { name: 'pane_sender_card_p95_ms', value: round(percentile(cards, 95)), unit: 'ms', goal: 300, better: 'lower' },
      { name: 'pane_sender_card_p50_ms', value: round(median(cards)), unit: 'ms', goal: 300, better: 'lower' },
      { name: 'pane_sender_card_after_office_ready_p95_ms', value: round(percentile(afterOffice, 95)), unit: 'ms', goal: 300, better: 'lower' },
      { name: 'pane_shell_p95_ms', value: round(percentile(shells, 95)), unit: 'ms', goal: 300, better: 'lower' },
      { name: 'pane_logged_p95_ms', value: round(percentile(loggedMs, 95)), unit: 'ms', goal: 50, better: 'lower' },
      { name: 'pane_heap_mb', value: round(Math.max(...liveHeaps) / 1024 / 1024), unit: 'MB', goal: 80, better: 'lower' },
      { name: 'pane_initial_js_gzip_kb', value: production.taskpaneKb, unit: 'KB', goal: 200, better: 'lower' },
      { name: 'addin_all_js_gzip_kb', value: production.allKb, unit: 'KB', goal: 400, better: 'lower' },
    ];
    const conditions = {
      bundle: 'browser figures on the optimized development build (webpack --mode development --env optimized: minified, React production build, dev tokens), the build with the mailbox preview; bundle sizes from the production build',
      contacts: CONTACTS,
      demoData: true,
      chromium: product,
      cpus: os.cpus().length,
      runs: RUNS,
      warmUp: WARM_UP,
      seedSeconds: round(seedMs / 1000),
      paneInitialSyncSeconds: round(initialSyncS),
      originStorageBytes: storage,
      senderCard: {
        measures: "navigation start of the pane frame → the pane's rapport:sender-card mark, reload by the preview's Reload button, known sender selected",
        p50Ms: round(median(cards)),
        afterOfficeReadyP50Ms: round(median(afterOffice)),
        officeReadyP50Ms: round(median(opens.map((times) => times.officeReady ?? Number.NaN))),
        officeReadyNote: "the preview's Office stand-in resolves Office.onReady at once here (officeReadyMs=0; 300 ms by default, standing in for Office.js's own start): performance.md excludes office.js",
        shellP50Ms: round(median(shells)),
      },
      logged: { measures: "the click event's timeStamp in the pane → the rapport:logged mark; online; a new sent message to the known contact per run", p50Ms: round(median(loggedMs), 2) },
      heap: {
        measures:
          "the figure: the live JS heap once the card shows, the largest of the runs: a full GC (CDP HeapProfiler.collectGarbage), then the isolate's used size (Runtime.getHeapUsage); the preview page and the commands frame are same-origin and share the renderer's heap, so this is the whole preview tab. Beside it, performance.memory.usedJSHeapSize in the pane right after the card mark, garbage included",
        liveP50Mb: round(median(liveHeaps) / 1024 / 1024),
        liveMaxMb: round(Math.max(...liveHeaps) / 1024 / 1024),
        withGarbageP50Mb: round(median(heaps) / 1024 / 1024),
        withGarbageMaxMb: round(Math.max(...heaps) / 1024 / 1024),
      },
      productionGzipKb: production,
    };
    report('pane-open', figures, conditions);
    process.stdout.write(
      `  conditions: ${CONTACTS} contacts + demo data, optimized development bundle (the preview's), ${product}, ${os.cpus().length} CPUs; card p50 ${conditions.senderCard.p50Ms} ms (Office stand-in ready p50 ${conditions.senderCard.officeReadyP50Ms} ms), logged p50 ${conditions.logged.p50Ms} ms; heap live p50 ${conditions.heap.liveP50Mb} MB, with garbage p50 ${conditions.heap.withGarbageP50Mb} MB (max ${conditions.heap.withGarbageMaxMb})\n`,
    );
  } finally {
    await service.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
