/**
 * `npm run sideload[:desktop|:web]` and `npm run unsideload`: Rapport in the developer's own
 * Outlook, served over https on localhost by the service in dev mode (demo data, demo sign-in).
 *
 * - desktop: Outlook on Windows, through office-addin-debugging (it registers the manifest, starts
 *   the service as its dev server and opens Outlook), as Microsoft's add-in templates do.
 * - web: Outlook on the web. Microsoft's tools cannot sideload a mail add-in there without a
 *   Microsoft 365 sign-in, so the service is started and the manifest is added under My add-ins.
 * - sideload: desktop on Windows, web elsewhere.
 *
 * Certificates come from office-addin-dev-certs (made and trusted on first use, which asks for an
 * administrator's password), or from RAPPORT_TLS_CERT_FILE / RAPPORT_TLS_KEY_FILE when set. Where
 * the Outlook asked for is not on this machine or cannot be reached, the command says so and what
 * to do instead, and exits with status 2 without building or starting anything.
 */
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { logErrorMessage, parseNumber } from 'office-addin-cli';
import { sideloadPlan, type SideloadCommand } from './sideload-plan';

const ROOT = path.resolve(__dirname, '..');
const PORT = portFromEnvironment();
const PUBLIC_URL = `https://localhost:${PORT}`;
const BUILT_MANIFEST = path.join(ROOT, 'dist/addin/manifest.xml');
/** Where Outlook on the web is reached; another address only to try the command against a stand-in. */
const OUTLOOK_WEB_URL = process.env.RAPPORT_OUTLOOK_WEB_URL ?? 'https://outlook.office.com/';

/** PORT, refused before anything runs when it is not a number (rather than served on NaN). */
function portFromEnvironment(): number {
  try {
    return parseNumber(process.env.PORT, `PORT must be a number; it is "${process.env.PORT}".`) ?? 3000;
  } catch (error) {
    logErrorMessage(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** Whether Outlook on the web answers at all within a few seconds (any HTTP status will do). */
async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

/** The certificate and key to serve with: the site's own, or office-addin-dev-certs' (made and trusted if need be). */
async function certificateFiles(): Promise<{ cert: string; key: string }> {
  const { RAPPORT_TLS_CERT_FILE: cert, RAPPORT_TLS_KEY_FILE: key } = process.env;
  if (cert && key) return { cert, key };
  const { ensureCertificatesAreInstalled } = await import('office-addin-dev-certs');
  await ensureCertificatesAreInstalled();
  // Where office-addin-dev-certs keeps what it made (its defaults, which it does not export).
  const folder = path.join(os.homedir(), '.office-addin-dev-certs');
  return { cert: path.join(folder, 'localhost.crt'), key: path.join(folder, 'localhost.key') };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  const command = (process.argv[2] ?? 'auto') as SideloadCommand;
  const decided = await sideloadPlan(command, process.platform, { outlookWebReachable: () => reachable(OUTLOOK_WEB_URL), outlookWebUrl: OUTLOOK_WEB_URL, port: PORT });
  if (decided.kind === 'say') {
    process.stdout.write(`${decided.message}\n`);
    process.exit(decided.exitCode);
  }
  if (decided.kind === 'unregister') {
    run(bin('office-addin-debugging'), ['stop', BUILT_MANIFEST], process.env);
    return;
  }

  const { cert, key } = await certificateFiles();
  const serviceEnv = { ...process.env, RAPPORT_DEV: '1', PORT: String(PORT), RAPPORT_PUBLIC_URL: PUBLIC_URL, RAPPORT_TLS_CERT_FILE: cert, RAPPORT_TLS_KEY_FILE: key };
  // The manifest and the pages name the https address Outlook will load.
  run(bin('webpack'), ['--mode', 'development'], { ...process.env, RAPPORT_PUBLIC_URL: PUBLIC_URL });

  if (decided.kind === 'desktop') {
    const service = `"${bin('tsx')}" src/server/main.ts`;
    run(bin('office-addin-debugging'), ['start', BUILT_MANIFEST, 'desktop', '--app', 'outlook', '--dev-server', service, '--dev-server-port', String(PORT)], serviceEnv);
    return;
  }
  process.stdout.write(`${decided.message}\n`);
  const service = spawn(bin('tsx'), ['src/server/main.ts'], { cwd: ROOT, env: serviceEnv, stdio: 'inherit', shell: process.platform === 'win32' });
  service.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  logErrorMessage(error instanceof Error ? error.message : error);
  process.exit(1);
});
