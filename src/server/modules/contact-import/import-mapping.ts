import { IMPORT_FIELDS, importMappingSchema, type ImportField, type ImportMapping } from '../../../contract/contact-import';
import { RapportError } from '../../../domain/errors';
import { fieldProblems } from '../../http/problem';
import type { ImportFormat } from './import-source';

export type MappingSource = 'request' | 'saved' | 'columnNames';

/** A column name as compared: case, spaces, dots, dashes and underscores ignored (`Phone No.` is `phoneNo`). */
const comparable = (name: string) => name.toLowerCase().replace(/[\s._-]+/g, '');

/** The mapping given with an upload (`?mapping=` as JSON), checked as a saved one is. */
export function parseMappingQuery(json: string): ImportMapping {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new RapportError('import_mapping_invalid', 'The mapping is not valid JSON.', { fields: [{ path: 'query.mapping', message: 'Not valid JSON.' }] });
  }
  const result = importMappingSchema.safeParse(value);
  if (!result.success) throw new RapportError('import_mapping_invalid', 'The mapping is not valid.', { fields: fieldProblems(result.error, 'query.mapping') });
  return result.data;
}

/** Every field mapped to the column of its own name, for a file whose columns are named as the fields. */
export function mappingByColumnNames(columns: readonly string[]): ImportMapping | null {
  const byName = new Map(columns.filter((column) => column !== '').map((column) => [comparable(column), column]));
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const field of IMPORT_FIELDS) {
    const column = byName.get(comparable(field));
    if (column !== undefined) mapping[field] = column;
  }
  const parsed = importMappingSchema.safeParse(mapping);
  return parsed.success ? parsed.data : null;
}

/** For JSON lines: every field read from the key of its own name. */
export const identityMapping = (): ImportMapping => Object.fromEntries(IMPORT_FIELDS.map((field) => [field, field])) as ImportMapping;

/**
 * The mapping of an upload, with the file's own spelling of each column: the one sent with the
 * upload, else (CSV) the tenant's saved one, else the columns named as the fields. A CSV mapping
 * must name columns the header has.
 */
export function resolveMapping(
  format: ImportFormat,
  columns: readonly string[],
  given: ImportMapping | undefined,
  saved: ImportMapping | null,
): { mapping: ImportMapping; source: MappingSource } {
  if (format === 'jsonLines') return given ? { mapping: given, source: 'request' } : { mapping: identityMapping(), source: 'columnNames' };
  const chosen = given ? { mapping: given, source: 'request' as const } : saved ? { mapping: saved, source: 'saved' as const } : null;
  if (!chosen) {
    const byNames = mappingByColumnNames(columns);
    if (!byNames) {
      throw new RapportError('import_mapping_invalid', 'No column of the file is named as a contact field (name, no or externalId at least): send a mapping or save one.', {
        details: { columns },
      });
    }
    return { mapping: byNames, source: 'columnNames' };
  }
  const byName = new Map(columns.filter((column) => column !== '').map((column) => [column.toLowerCase(), column]));
  const mapping: Partial<Record<ImportField, string>> = {};
  const missing: { path: string; message: string }[] = [];
  for (const field of IMPORT_FIELDS) {
    const wanted = chosen.mapping[field];
    if (wanted === undefined) continue;
    const column = byName.get(wanted.toLowerCase());
    if (column === undefined) missing.push({ path: `mapping.${field}`, message: `The file has no column "${wanted}".` });
    else mapping[field] = column;
  }
  if (missing.length > 0) {
    throw new RapportError('import_mapping_invalid', `The ${chosen.source === 'saved' ? 'saved ' : ''}mapping names columns the file does not have.`, {
      fields: missing,
      details: { columns },
    });
  }
  return { mapping: mapping as ImportMapping, source: chosen.source };
}

/** The mapped columns that no JSON line had: a mapping that reads nothing is a mistake, not an empty import. */
export function unusedJsonColumns(mapping: ImportMapping, source: MappingSource, seen: ReadonlySet<string>): { path: string; message: string }[] {
  if (source !== 'request') return [];
  return IMPORT_FIELDS.flatMap((field) => {
    const column = mapping[field];
    return column !== undefined && !seen.has(column) ? [{ path: `mapping.${field}`, message: `No line has the key "${column}".` }] : [];
  });
}
