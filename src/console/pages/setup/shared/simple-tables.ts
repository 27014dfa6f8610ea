import { describedCodeSchema } from '../../../../contract/setup-tables';
import type { LabelKey } from './message-keys';
import type { SetupList } from '../../../queries/setup-tables';
import { recordPath } from './lists';
import type { TableSpec } from './table-spec';

type DescribedCode = { code: string; description: string };

/**
 * The spec of a table that is a Code[10] and a Text[100] description and nothing else (campaign
 * statuses, interaction groups, business relations, the code lists): saved with
 * `PUT <base>/<code>` and `{ description }`.
 */
export function codeAndDescription(options: { title: LabelKey; intro: LabelKey; newRecord: LabelKey; list: SetupList<DescribedCode>; base: string }): TableSpec<DescribedCode> {
  return {
    title: options.title,
    intro: options.intro,
    newRecord: options.newRecord,
    list: options.list,
    key: { name: 'code', label: 'setup.field.code', maxLength: 10 },
    keyOf: (row) => row.code,
    columns: [{ label: 'setup.field.description', text: (row) => row.description }],
    fields: [{ name: 'description', label: 'setup.field.description', kind: { kind: 'text', maxLength: 100 } }],
    savePath: (code) => recordPath(options.base, code),
    saveReply: describedCodeSchema,
  };
}
