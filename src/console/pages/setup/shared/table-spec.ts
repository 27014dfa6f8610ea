import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { SetupTranslate as Translate } from '../i18n/setup-catalogue';
import type { LabelKey } from './message-keys';
import type { Me } from '../../../../contract/me';
import type { SetupList } from '../../../queries/setup-tables';
import { type DraftValue, editorValue, emptyValue, type FieldContext, type FieldKind, type FieldSpec, parseField, problemText } from './fields';

/**
 * A setup table described for the generic list and form (SetupTable): what it lists, its key, its
 * columns and fields, the parts of a record that are lists of their own (number series lines,
 * activity steps), and where a record is saved and deleted. A table of code and description is a
 * dozen lines of spec; only what is special about a table is code of its own.
 */

/** What the form holds while a record is edited: each field's typed value and each part's value, by name. */
export type Draft = Readonly<Record<string, unknown>>;

/** A problem at a path of the body (`description`, `lines.2.startingNo`), in the user's words. */
export type Problem = { path: string; message: string };

/** What turning a draft into a body needs: the formula letters, and `t` for the problems. */
export type BodyContext = FieldContext & { t: Translate };

/** What a column's text may depend on besides the row: the user's words, and who the user is. */
export type ColumnView = { t: Translate; me: Me };

/** A column of the list: its heading and the text a row shows (and the filter searches). */
export type ColumnSpec<Row> = { label: LabelKey; text(row: Row, view: ColumnView): string };

export type PartEditorProps<Value> = {
  value: Value;
  onChange(next: Value): void;
  /** The problems of the record being edited, by normalised path; a part reads those under its name. */
  errors: ReadonlyMap<string, string>;
  /** The draft the part belongs to, for what it shows beside its own value (a series' flags for its next number). */
  draft: Draft;
};

/** A part of a record kept as a list of its own in the body (`lines`, `steps`, `formulas`, `salespersonCodes`). */
export type PartSpec<Row, Value> = {
  name: string;
  fromRow(row: Row | null, context: FieldContext): Value;
  /** The part's value in the body, or what keeps it from being sent (paths start with `name`). */
  toBody(value: Value, context: BodyContext): { value: unknown; problems: Problem[] };
  Editor: ComponentType<PartEditorProps<Value>>;
};

export type TableSpec<Row> = {
  title: LabelKey;
  intro: LabelKey;
  /** The form's heading for a record not yet saved ("New campaign status"). */
  newRecord: LabelKey;
  list: SetupList<Row>;
  /**
   * The record's code: the last segment of its path, given only when the record is new; typed as a
   * code unless `kind` picks it from another table (a template's language).
   */
  key: { name: string; label: LabelKey; maxLength: number; kind?: FieldKind };
  keyOf(row: Row): string;
  columns: readonly ColumnSpec<Row>[];
  fields: readonly FieldSpec[];
  parts?: readonly PartSpec<Row, unknown>[];
  /** Shown below a saved record's form: what is kept apart from the record (a template's languages). */
  Beside?: ComponentType<{ row: Row }>;
  savePath(key: string): string;
  saveReply: z.ZodType;
  /** Where a record is deleted, for the tables whose records the service lets go. */
  deletePath?(key: string): string;
};

/** Erases a part's value type so parts of every kind fit one table's list. */
export const part = <Row, Value>(spec: PartSpec<Row, Value>): PartSpec<Row, unknown> => spec as PartSpec<Row, unknown>;

/** The field name the form keeps the record's code under. */
export const KEY_FIELD = '#key';

/** How a new record's code is given: typed as a required code, or as the table's spec says. */
export const keyKindOf = <Row>(spec: TableSpec<Row>): FieldKind => spec.key.kind ?? { kind: 'code', maxLength: spec.key.maxLength, required: true };

/** The form's starting point: a saved record as its editors show it, or a new record's empty values. */
export function draftOf<Row>(spec: TableSpec<Row>, row: Row | null, context: FieldContext): Draft {
  const values = row as Readonly<Record<string, unknown>> | null;
  const draft: Record<string, unknown> = { [KEY_FIELD]: row === null ? '' : spec.keyOf(row) };
  for (const field of spec.fields) draft[field.name] = values === null ? emptyValue(field.kind) : editorValue(field.kind, values[field.name], context);
  for (const entry of spec.parts ?? []) draft[entry.name] = entry.fromRow(row, context);
  return draft;
}

/** Whether two drafts hold the same values (what the user typed back to what was saved is no change). */
export const sameDraft = (a: Draft, b: Draft): boolean => JSON.stringify(a) === JSON.stringify(b);

export type RecordToSend = { key: string; body: Record<string, unknown>; problems: Problem[] };

/**
 * What saving sends: the record's code and its whole body (the setup routes create or replace a
 * record), each field in its wire form; and the problems that hold the save back. A new record's
 * code must be free: the service would replace the record that has it.
 */
export function recordToSend<Row>(spec: TableSpec<Row>, draft: Draft, options: BodyContext & { existingKeys: ReadonlySet<string> | null }): RecordToSend {
  const problems: Problem[] = [];
  let key = '';
  const parsedKey = parseField(keyKindOf(spec), (draft[KEY_FIELD] ?? '') as DraftValue, options);
  if (!parsedKey.ok) problems.push({ path: spec.key.name, message: problemText(parsedKey.problem, options.t) });
  else {
    key = String(parsedKey.value);
    if (options.existingKeys?.has(key)) problems.push({ path: spec.key.name, message: problemText({ kind: 'exists' }, options.t) });
  }
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const parsed = parseField(field.kind, (draft[field.name] ?? emptyValue(field.kind)) as DraftValue, options);
    if (parsed.ok) body[field.name] = parsed.value;
    else problems.push({ path: field.name, message: problemText(parsed.problem, options.t) });
  }
  for (const entry of spec.parts ?? []) {
    const result = entry.toBody(draft[entry.name], options);
    body[entry.name] = result.value;
    problems.push(...result.problems);
  }
  return { key, body, problems };
}

/** Whether a row has `filter` in any column (case and accents as typed are ignored). */
export function rowMatches<Row>(spec: TableSpec<Row>, row: Row, filter: string, view: ColumnView): boolean {
  const wanted = fold(filter.trim());
  if (wanted === '') return true;
  return spec.columns.some((column) => fold(column.text(row, view)).includes(wanted));
}

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
