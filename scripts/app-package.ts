/**
 * Writes the unified manifest of the built manifest.xml and packs the app package for the
 * Microsoft 365 admin center: dist/addin/app-package/ (manifest.json, a localization file per
 * locale, the colour and outline icons) and the same zipped as dist/addin/rapport-app.zip. Run after webpack by
 * `npm run build:addin` and `build:addin:dev` (argument: the webpack mode); a manifest the schemas
 * refuse stops the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { localizationErrors, unifiedManifestErrors } from './manifest-json-schema';
import { COLOR_ICON, OUTLINE_ICON, unifiedManifest } from './unified-manifest';

type BuildHelpers = { resolvePublicUrl(raw: string | undefined, mode: 'production' | 'development'): string };
// webpack.config.js is CommonJS without type declarations; the build's own resolution of RAPPORT_PUBLIC_URL.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../webpack.config.js') as BuildHelpers;

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist/addin');
export const APP_PACKAGE = 'rapport-app.zip';

/** Checks the unified manifest of `manifestXml` against its schemas and writes the package into `outDir`; returns the zip's path. */
export async function writeAppPackage(options: { manifestXml: string; publicUrl: string; outDir: string; privacyUrl?: string; termsOfUseUrl?: string }): Promise<string> {
  const { manifest, localizations } = unifiedManifest(options.manifestXml, options);
  const problems = [
    ...(await unifiedManifestErrors(manifest)).map((error) => `manifest.json ${error}`),
    ...(await Promise.all(localizations.map(async ({ file, strings }) => (await localizationErrors(strings)).map((error) => `${file} ${error}`)))).flat(),
  ];
  if (problems.length > 0) throw new Error(`The unified manifest does not match its schema:\n  ${problems.join('\n  ')}`);

  const files: [string, Buffer][] = [
    ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
    ...localizations.map(({ file, strings }): [string, Buffer] => [file, Buffer.from(`${JSON.stringify(strings, null, 2)}\n`)]),
    [COLOR_ICON, fs.readFileSync(path.join(ROOT, 'assets/color-192.png'))],
    [OUTLINE_ICON, fs.readFileSync(path.join(ROOT, 'assets/outline-32.png'))],
  ];
  const folder = path.join(options.outDir, 'app-package');
  fs.mkdirSync(folder, { recursive: true });
  const zip = new AdmZip();
  for (const [name, content] of files) {
    fs.writeFileSync(path.join(folder, name), content);
    zip.addFile(name, content);
  }
  const zipPath = path.join(options.outDir, APP_PACKAGE);
  zip.writeZip(zipPath);
  return zipPath;
}

async function main(): Promise<void> {
  const mode = process.argv[2] === 'development' ? 'development' : 'production';
  const publicUrl = build.resolvePublicUrl(process.env.RAPPORT_PUBLIC_URL, mode);
  const manifestXml = fs.readFileSync(path.join(OUT, 'manifest.xml'), 'utf8');
  const zipPath = await writeAppPackage({ manifestXml, publicUrl, outDir: OUT, privacyUrl: process.env.RAPPORT_PRIVACY_URL, termsOfUseUrl: process.env.RAPPORT_TERMS_URL });
  process.stdout.write(`app package: ${path.relative(ROOT, zipPath)} (unified manifest for ${publicUrl})\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
