import type { z } from 'zod';
import { closeOpportunityCodeSchema } from '../../../../contract/setup-tables';
import type { Choice } from '../shared/fields';
import { recordPath, SETUP_LISTS } from '../shared/lists';
import { SetupTable } from '../shared/SetupTable';
import type { TableSpec } from '../shared/table-spec';

type CloseOpportunityCode = z.output<typeof closeOpportunityCodeSchema>;

const TYPES: readonly Choice[] = [
  { value: 'won', label: 'setup.closeOpportunityCodes.won' },
  { value: 'lost', label: 'setup.closeOpportunityCodes.lost' },
];

const spec: TableSpec<CloseOpportunityCode> = {
  title: 'nav.closeOpportunityCodes',
  intro: 'setup.closeOpportunityCodes.intro',
  newRecord: 'setup.closeOpportunityCodes.new',
  list: SETUP_LISTS.closeOpportunityCodes,
  key: { name: 'code', label: 'setup.field.code', maxLength: 10 },
  keyOf: (row) => row.code,
  columns: [
    { label: 'setup.closeOpportunityCodes.type', text: (row, { t }) => t(row.type === 'won' ? 'setup.closeOpportunityCodes.won' : 'setup.closeOpportunityCodes.lost') },
    { label: 'setup.field.description', text: (row) => row.description },
  ],
  fields: [
    { name: 'type', label: 'setup.closeOpportunityCodes.type', hint: 'setup.closeOpportunityCodes.typeHint', kind: { kind: 'choice', options: TYPES } },
    { name: 'description', label: 'setup.field.description', kind: { kind: 'text', maxLength: 100 } },
  ],
  savePath: (code) => recordPath('/setup/close-opportunity-codes', code),
  saveReply: closeOpportunityCodeSchema,
};

/** Close opportunity codes (§8.6): why an opportunity was won or lost; closing one asks for a code of its outcome. */
export function CloseOpportunityCodesPage() {
  return <SetupTable spec={spec} />;
}
