/**
 * The unified manifest and its localization files against Microsoft's published JSON schemas, as
 * the @microsoft/app-manifest package ships them (offline), through the package's own validator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';
import { UNIFIED_MANIFEST_VERSION } from './unified-manifest';

const SCHEMA_DIR = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams', `v${UNIFIED_MANIFEST_VERSION}`);

/**
 * A published schema, with the two repairs the package itself makes or needs: "\a" (a bell, which
 * JavaScript's regular expressions do not know) as \x07, and a "]" that follows "\b" escaped, as
 * Unicode-mode expressions refuse a lone bracket.
 */
function readSchema(file: string): object {
  const text = fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8').replace(/\\a/g, '\\x07').replace(/\\\\b\]/g, '\\\\b\\\\]');
  return JSON.parse(text) as object;
}

const validate = (value: object, schemaFile: string) =>
  ManifestUtil.validateManifestAgainstSchema(value as TeamsAppManifest, readSchema(schemaFile) as Parameters<typeof ManifestUtil.validateManifestAgainstSchema>[1]);

/** The schema's complaints about a manifest, one line each; empty when it validates. */
export const unifiedManifestErrors = (manifest: object): Promise<string[]> => validate(manifest, 'MicrosoftTeams.schema.json');

/** The same for a localization file. */
export const localizationErrors = (strings: object): Promise<string[]> => validate(strings, 'MicrosoftTeams.Localization.schema.json');
