import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startService } from '../helpers/service-process';

/**
 * The service as `npm start` runs it: a real process in dev mode on PGlite in a fresh data folder,
 * with the demo data, stopped with SIGTERM and started again on the same data.
 */
test('npm start: dev mode on PGlite with demo data, and a clean stop on SIGTERM', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-start-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const service = startService(port, dataDir);
  try {
    await service.ready;
    expect(service.output()).toContain(`Rapport is running at http://localhost:${port}`);
    expect(await (await fetch(`${base}/api/v1/health`)).json()).toEqual({ status: 'ok', db: { engine: 'pglite', reachable: true } });

    const users = (await (await fetch(`${base}/dev/users`)).json()) as { items: { email: string; roles: string[] }[] };
    expect(users.items.length).toBeGreaterThanOrEqual(4);
    const token = (await (
      await fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: users.items[1]?.email }) })
    ).json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${token.accessToken}` };

    const me = (await (await fetch(`${base}/api/v1/me`, { headers })).json()) as { salespersonCode: string; accessLevel: string };
    expect(me.salespersonCode).not.toBe('');
    expect(me.accessLevel).toBe('salesperson');
    const adminToken = (await (
      await fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: users.items[0]?.email }) })
    ).json()) as { accessToken: string };
    const managerHeaders = { authorization: `Bearer ${adminToken.accessToken}` };
    const companies = (await (await fetch(`${base}/api/v1/contacts?type=company&limit=500`, { headers })).json()) as { items: unknown[] };
    const persons = (await (await fetch(`${base}/api/v1/contacts?type=person&limit=500`, { headers })).json()) as { items: unknown[] };
    expect(companies.items.length).toBeGreaterThanOrEqual(45);
    expect(persons.items.length).toBeGreaterThanOrEqual(180);
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);
    // The demo company's sales work: a running campaign with a target group, open tasks.
    const campaigns = (await (await fetch(`${base}/api/v1/campaigns`, { headers })).json()) as { items: { activated: boolean }[] };
    expect(campaigns.items).toEqual([expect.objectContaining({ activated: true })]);
    const salespeople = (await (await fetch(`${base}/api/v1/salespeople`, { headers })).json()) as { items: { code: string }[] };
    let openTasks = 0;
    for (const { code } of salespeople.items) {
      openTasks += ((await (await fetch(`${base}/api/v1/tasks?salespersonCode=${code}`, { headers: managerHeaders })).json()) as { items: unknown[] }).items.length;
    }
    expect(openTasks).toBeGreaterThanOrEqual(10);

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);

    // The database was closed cleanly: a second start finds the same data and seeds nothing more.
    const again = startService(port, dataDir);
    try {
      await again.ready;
      const token2 = (await (
        await fetch(`${base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: users.items[1]?.email }) })
      ).json()) as { accessToken: string };
      const companiesAgain = (await (await fetch(`${base}/api/v1/contacts?type=company&limit=500`, { headers: { authorization: `Bearer ${token2.accessToken}` } })).json()) as {
        items: unknown[];
      };
      expect(companiesAgain.items.length).toBe(companies.items.length);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    } finally {
      again.child.kill('SIGKILL');
    }
  } finally {
    service.child.kill('SIGKILL');
  }
}, 120_000);
