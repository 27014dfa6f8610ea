/**
 * `npm run validate`: manifest.xml (and the built dist/addin/manifest.xml, when there is one)
 * against Microsoft's XML schemas, offline, then through office-addin-manifest's validation, which
 * asks Microsoft's service and is skipped, saying so, where the network does not reach it.
 * Exits 1 when a manifest is invalid.
 */
import fs from 'node:fs';
import path from 'node:path';
import { logErrorMessage } from 'office-addin-cli';
import { manifestSchemaErrors } from './manifest-schema';

const ROOT = path.resolve(__dirname, '..');
const MANIFESTS = [path.join(ROOT, 'manifest.xml'), path.join(ROOT, 'dist/addin/manifest.xml')].filter((file) => fs.existsSync(file));

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  let invalid = false;
  for (const file of MANIFESTS) {
    const errors = await manifestSchemaErrors(fs.readFileSync(file, 'utf8'));
    say(`${path.relative(ROOT, file)}: ${errors.length === 0 ? 'valid against the XML schemas' : 'INVALID against the XML schemas'}`);
    for (const error of errors) say(`  ${error}`);
    invalid ||= errors.length > 0;
  }
  if (invalid) process.exit(1);

  // office-addin-manifest's own validation posts the manifest to Microsoft's validation service.
  const { validateManifest } = await import('office-addin-manifest');
  for (const file of MANIFESTS) {
    try {
      const result = await validateManifest(file);
      say(`${path.relative(ROOT, file)}: ${result.isValid ? 'valid' : 'INVALID'} for Microsoft's validation service`);
      for (const issue of [...(result.report?.errors ?? []), ...(result.report?.warnings ?? [])]) say(`  ${issue.title ?? issue.code ?? ''}: ${issue.content ?? ''}`);
      invalid ||= !result.isValid;
    } catch (error) {
      say(`${path.relative(ROOT, file)}: Microsoft's validation service could not be reached (${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')}); only the offline schema check ran.`);
    }
  }
  if (invalid) process.exit(1);
}

main().catch((error: unknown) => {
  logErrorMessage(error instanceof Error ? error.message : error);
  process.exit(1);
});
