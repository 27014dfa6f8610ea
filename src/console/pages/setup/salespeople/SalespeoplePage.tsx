import type { z } from 'zod';
import { salespersonSchema } from '../../../../contract/setup';
import { recordPath, SETUP_LISTS } from '../shared/lists';
import { SetupTable } from '../shared/SetupTable';
import type { TableSpec } from '../shared/table-spec';

type Salesperson = z.output<typeof salespersonSchema>;

const spec: TableSpec<Salesperson> = {
  title: 'nav.salespeople',
  intro: 'setup.salespeople.intro',
  newRecord: 'setup.salespeople.new',
  list: SETUP_LISTS.salespeople,
  key: { name: 'code', label: 'setup.field.code', maxLength: 20 },
  keyOf: (row) => row.code,
  columns: [
    { label: 'setup.salespeople.name', text: (row) => row.name },
    // The e-mail is how a signed-in user becomes this salesperson; the user's own is marked.
    { label: 'setup.salespeople.email', text: (row, { t, me }) => (row.code === me.salespersonCode ? t('setup.salespeople.emailYou', { email: row.email }) : row.email) },
    { label: 'setup.salespeople.blocked', text: (row, { t }) => (row.blocked ? t('setup.yes') : '') },
  ],
  fields: [
    { name: 'name', label: 'setup.salespeople.name', kind: { kind: 'text', maxLength: 50 } },
    { name: 'email', label: 'setup.salespeople.email', hint: 'setup.salespeople.emailHint', kind: { kind: 'email', maxLength: 80 } },
    { name: 'jobTitle', label: 'setup.salespeople.jobTitle', kind: { kind: 'text', maxLength: 30 } },
    { name: 'phoneNo', label: 'setup.salespeople.phoneNo', kind: { kind: 'text', maxLength: 30 } },
    { name: 'blocked', label: 'setup.salespeople.blocked', hint: 'setup.salespeople.blockedHint', kind: { kind: 'flag' } },
    { name: 'privacyBlocked', label: 'setup.salespeople.privacyBlocked', hint: 'setup.salespeople.privacyBlockedHint', kind: { kind: 'flag' } },
  ],
  savePath: (code) => recordPath('/salespeople', code),
  saveReply: salespersonSchema,
};

/**
 * Salespeople: who owns contacts, opportunities and tasks. A user who signs in with a
 * salesperson's e-mail works as that salesperson, so the e-mail is the mapping to users.
 */
export function SalespeoplePage() {
  return <SetupTable spec={spec} />;
}
