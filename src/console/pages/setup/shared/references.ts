import { codeList, SETUP_LISTS } from './lists';
import type { SetupList } from '../../../queries/setup-tables';

/** One record another field may point at: its code, and what the picker shows beside it. */
export type ReferenceOption = { code: string; description: string };

/** Where a reference field's options come from: a setup list, and how a row of it is offered. */
export type ReferenceSource = { list: SetupList<unknown>; option(row: unknown): ReferenceOption };

const referenceTo = <Row>(list: SetupList<Row>, option: (row: Row) => ReferenceOption): ReferenceSource => ({
  list: list as SetupList<unknown>,
  option: option as (row: unknown) => ReferenceOption,
});

const described = (row: { code: string; description: string }): ReferenceOption => ({ code: row.code, description: row.description });

/** The tables setup fields point at. */
export const REFERENCES = {
  languages: referenceTo(codeList('language'), described),
  interactionGroups: referenceTo(SETUP_LISTS.interactionGroups, described),
  interactionTemplates: referenceTo(SETUP_LISTS.interactionTemplates, described),
  activities: referenceTo(SETUP_LISTS.activities, described),
  salespeople: referenceTo(SETUP_LISTS.salespeople, (row) => ({ code: row.code, description: row.name })),
};
