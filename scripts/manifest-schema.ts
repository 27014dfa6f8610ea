/**
 * The add-in manifest (manifest.xml) against Microsoft's XML schemas, offline: the schemas are
 * committed in test/manifest/schemas (their README says where they come from), or read from the
 * folder RAPPORT_MANIFEST_SCHEMA_DIR names. Used by the manifest tests and by `npm run validate`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

export const MANIFEST_SCHEMA_DIR = process.env.RAPPORT_MANIFEST_SCHEMA_DIR
  ? path.resolve(process.env.RAPPORT_MANIFEST_SCHEMA_DIR)
  : path.resolve(__dirname, '../test/manifest/schemas');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';
/** The files the main schema imports, by the names its xs:import schemaLocation uses. */
const IMPORTED_SCHEMAS = [
  'OfficeAppBasicTypesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_1.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd',
  'ContentAppVersionOverridesV1_0.xsd',
];

const readSchema = (folder: string, fileName: string): XMLFileInfo => ({ fileName, contents: fs.readFileSync(path.join(folder, fileName), 'utf8') });

/** The schema files, or an error that says where they are expected. */
export function loadManifestSchemas(folder = MANIFEST_SCHEMA_DIR): { main: XMLFileInfo; imports: XMLFileInfo[] } {
  const missing = [MAIN_SCHEMA, ...IMPORTED_SCHEMAS].filter((file) => !fs.existsSync(path.join(folder, file)));
  if (missing.length > 0) {
    throw new Error(
      `The add-in manifest XML schemas are missing from ${folder} (${missing.join(', ')}). ` +
        'They are expected in test/manifest/schemas, or in the folder named by RAPPORT_MANIFEST_SCHEMA_DIR.',
    );
  }
  return { main: readSchema(folder, MAIN_SCHEMA), imports: IMPORTED_SCHEMAS.map((file) => readSchema(folder, file)) };
}

/** xmllint's complaints about `xml`, one line each; empty when it validates. */
export async function manifestSchemaErrors(xml: string, folder = MANIFEST_SCHEMA_DIR): Promise<string[]> {
  const { main, imports } = loadManifestSchemas(folder);
  const result = await validateXML({ xml: { fileName: 'manifest.xml', contents: xml }, schema: [main], preload: imports });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
