import { z } from 'zod';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportRowProblem } from '../../../contract/contact-import';
import { contactCreateSchema, type ContactCreateBody, type ContactPatchBody } from '../../../contract/contacts';
import { code, text } from '../../../contract/common';
import type { Contact, ContactType } from '../../../domain/contact/contact';
import { CONTACT_FIELD_LENGTHS } from '../../../domain/contact/fields';
import { NOT_A_PLAIN_VALUE, type SourceRow } from './import-source';

/**
 * One row of a file as contact fields, checked as `POST /contacts` checks them: pure, so the dry
 * run and the run read a row the same way.
 */
export type ImportValues = Partial<Record<ImportField, string>>;

export type RowDraft = {
  rowNo: number;
  /** The mapped values that are not blank, each as the contact holds it (trimmed, codes upper-cased). */
  values: ImportValues;
  /** `type` as written in the row, if it was. */
  type: ContactType | null;
  /** The person's company as written (companyNo, else companyName): a number, an external id or a name. */
  companyRef: string;
  problems: ImportRowProblem[];
};

const typeSchema = z
  .string()
  .transform((value) => value.toLowerCase())
  .pipe(z.enum(['company', 'person'], 'Company or person.'));

/** How each field's text is checked and stored: the contact contract's rule where the contact has the field. */
const FIELD_SCHEMAS: Record<ImportField, z.ZodType<string>> = Object.fromEntries(
  IMPORT_FIELDS.map((field): [ImportField, z.ZodType<string>] => {
    if (field === 'type') return [field, typeSchema];
    if (field === 'companyName') return [field, text(CONTACT_FIELD_LENGTHS.companyName ?? 100)];
    if (field === 'businessRelationCode') return [field, code(10)];
    return [field, (contactCreateSchema.shape[field] as z.ZodOptional<z.ZodType<string>>).unwrap()];
  }),
) as Record<ImportField, z.ZodType<string>>;

/**
 * A text a spreadsheet would run as a formula is exported with a leading apostrophe (see csv.ts);
 * reading it back drops the apostrophe again, so an exported file imports as it was.
 */
const withoutFormulaGuard = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/** The fields of a row read through the mapping, with a problem for every value that does not fit its field. */
export function draftRow(row: SourceRow, mapping: ImportMapping): RowDraft {
  const draft: RowDraft = { rowNo: row.row, values: {}, type: null, companyRef: '', problems: [] };
  if (row.problem !== null) {
    draft.problems.push({ field: '', column: '', reason: row.problem });
    return draft;
  }
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    const raw = row.valueOf(column);
    if (raw === NOT_A_PLAIN_VALUE) {
      draft.problems.push({ field, column, reason: 'Not a text, a number or true/false.' });
      continue;
    }
    const value = withoutFormulaGuard(raw.trim());
    if (value === '') continue;
    const parsed = FIELD_SCHEMAS[field].safeParse(value);
    if (!parsed.success) draft.problems.push({ field, column, reason: parsed.error.issues[0]?.message ?? 'Not valid.' });
    else draft.values[field] = parsed.data;
  }
  draft.type = (draft.values.type as ContactType | undefined) ?? null;
  draft.companyRef = draft.values.companyNo ?? draft.values.companyName ?? '';
  return draft;
}

/** The fields a row writes onto a contact: everything but the keys and the links, resolved apart. */
const WRITTEN_FIELDS = IMPORT_FIELDS.filter(
  (field): field is Exclude<ImportField, 'no' | 'type' | 'companyNo' | 'companyName' | 'businessRelationCode'> =>
    !['no', 'type', 'companyNo', 'companyName', 'businessRelationCode'].includes(field),
);

/** The body that creates the row's contact. */
export function createBodyOf(values: ImportValues, type: ContactType, companyNo: string): ContactCreateBody {
  const body: ContactCreateBody = { type };
  if (values.no !== undefined) body.no = values.no;
  for (const field of WRITTEN_FIELDS) if (values[field] !== undefined) body[field] = values[field];
  if (companyNo !== '') body.companyNo = companyNo;
  return body;
}

/**
 * What a row changes on the contact it matched: only the values that differ. A blank cell never
 * clears a field, and a value equal to what a person inherits stays inherited.
 */
export function patchOf(values: ImportValues, contact: Contact, companyNo: string | null): ContactPatchBody {
  const patch: ContactPatchBody = {};
  for (const field of WRITTEN_FIELDS) {
    const value = values[field];
    if (value !== undefined && value !== contact[field]) patch[field] = value;
  }
  if (companyNo !== null && companyNo !== contact.companyNo) patch.companyNo = companyNo;
  return patch;
}

/** Whether a new contact of the row would have a name: Business Central allows none, an import should not. */
export const hasName = (values: ImportValues, type: ContactType): boolean =>
  values.name !== undefined || (type === 'person' && (values.firstName !== undefined || values.surname !== undefined));
