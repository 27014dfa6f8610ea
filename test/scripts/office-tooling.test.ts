import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { NOT_HERE, sideloadPlan, type SideloadCommand } from '../../scripts/sideload-plan';

const ROOT = path.resolve(__dirname, '../..');
const context = (reachable: boolean) => ({ outlookWebReachable: async () => reachable, outlookWebUrl: 'https://outlook.office.com/', port: 3000 });

describe('what each sideload command does where', () => {
  test.each<[SideloadCommand, NodeJS.Platform, boolean, string, RegExp | null]>([
    ['auto', 'win32', false, 'desktop', null],
    ['auto', 'darwin', true, 'web', /Add a custom add-in → Add from file/],
    ['auto', 'linux', false, 'say', /cannot be reached from this machine/],
    ['desktop', 'win32', false, 'desktop', null],
    ['desktop', 'darwin', true, 'say', /Windows only[\s\S]*sideload:web/],
    ['desktop', 'linux', true, 'say', /no Outlook desktop on this machine \(linux\)[\s\S]*mailbox preview/],
    ['web', 'linux', true, 'web', /https:\/\/localhost:3000[\s\S]*dist\/addin\/manifest.xml/],
    ['web', 'win32', false, 'say', /Outlook on the web \(https:\/\/outlook.office.com\/\) cannot be reached/],
    ['stop', 'win32', false, 'unregister', null],
    ['stop', 'darwin', false, 'say', /Custom add-ins/],
  ])('%s on %s (Outlook on the web reachable: %s) → %s', async (command, platform, reachable, kind, message) => {
    const plan = await sideloadPlan(command, platform, context(reachable));
    expect(plan.kind).toBe(kind);
    if (message) expect('message' in plan ? plan.message : '').toMatch(message);
  });

  test('a command it does not know is refused', async () => {
    expect(await sideloadPlan('upload' as SideloadCommand, 'linux', context(true))).toMatchObject({ kind: 'say', exitCode: 1, message: /Unknown sideload command "upload"/ });
  });
});

// This machine has no Outlook desktop, and Outlook on the web is given an address where nothing
// answers: every command must say so plainly, build and start nothing, and exit as documented.
describe('the npm scripts on a machine without Outlook', () => {
  let closedPort: number;
  beforeAll(async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closedPort = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const runScript = (script: string) =>
    spawnSync('npm', ['run', '-s', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, RAPPORT_OUTLOOK_WEB_URL: `http://127.0.0.1:${closedPort}/` },
      timeout: 60_000,
    });

  const onThisMachine = process.platform === 'linux' ? test : test.skip;
  if (process.platform !== 'linux') process.stdout.write(`sideload scripts: the no-Outlook runs need a Linux machine; this is ${process.platform}\n`);

  onThisMachine.each([
    ['sideload', NOT_HERE, /cannot be reached from this machine[\s\S]*npm start/],
    ['sideload:web', NOT_HERE, /cannot be reached from this machine[\s\S]*mailbox preview/],
    ['sideload:desktop', NOT_HERE, /no Outlook desktop on this machine \(linux\)[\s\S]*sideload:web/],
    ['unsideload', 0, /Nothing is registered on this machine/],
  ])('npm run %s says what to do instead and exits %s', (script, status, message) => {
    const result = runScript(script as string);
    expect(result.stdout).toMatch(message as RegExp);
    expect(result.status).toBe(status);
  });
});

test('a PORT that is not a number is refused before anything is built or started', () => {
  const result = spawnSync('npm', ['run', '-s', 'sideload:web'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PORT: 'three thousand' }, timeout: 60_000 });
  expect(result.stderr).toMatch(/PORT must be a number; it is "three thousand"/);
  expect(result.stdout).toBe('');
  expect(result.status).toBe(1);
});

describe('npm run validate', () => {
  test('checks the manifest against the committed schemas offline, and says whether Microsoft\'s service could check it too', () => {
    const result = spawnSync('npm', ['run', '-s', 'validate'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout).toMatch(/^manifest\.xml: valid against the XML schemas$/m);
    expect(result.stdout).toMatch(/manifest\.xml: (Microsoft's validation service could not be reached .*only the offline schema check ran|valid for Microsoft's validation service)/);
    expect(result.status).toBe(0);
  });
});
