import { Checkbox, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { z } from 'zod';
import { teamSchema } from '../../../../contract/setup-tables';
import { useSetupI18n } from '../i18n/setup-i18n';
import { setupListQuery } from '../../../queries/setup-tables';
import { useConsole } from '../../../shell/console-context';
import { QueryError } from '../../../shell/QueryError';
import { recordPath, SETUP_LISTS } from '../shared/lists';
import { SetupTable } from '../shared/SetupTable';
import { part, type PartEditorProps, type TableSpec } from '../shared/table-spec';

type Team = z.output<typeof teamSchema>;

const useStyles = makeStyles({
  members: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  list: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', maxHeight: '20rem', overflowY: 'auto' },
  heading: { margin: 0, padding: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** The team's members, ticked among all salespeople (a team task is copied to each of them). */
function MembersEditor({ value, onChange, errors }: PartEditorProps<readonly string[]>) {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const { api } = useConsole();
  const legendId = useId();
  const salespeople = useQuery(setupListQuery(api, SETUP_LISTS.salespeople));
  const members = new Set(value);
  // A member the salespeople no longer list stays ticked, so saving does not drop them unseen.
  const unknown = value.filter((code) => salespeople.isSuccess && !salespeople.data.some((person) => person.code === code));
  const problems = [...errors].filter(([path]) => path === 'salespersonCodes' || path.startsWith('salespersonCodes.')).map(([, message]) => message);
  const toggle = (code: string, checked: boolean) => onChange(checked ? [...value, code] : value.filter((member) => member !== code));
  return (
    <fieldset className={styles.members} aria-labelledby={legendId}>
      <Subtitle2 as="h3" id={legendId} className={styles.heading}>
        {t('setup.teams.members')}
      </Subtitle2>
      <Text>{t('setup.teams.membersHint', { count: value.length })}</Text>
      {salespeople.isPending ? <Spinner size="tiny" labelPosition="after" label={t('common.loading')} /> : null}
      {salespeople.isError ? <QueryError title={t('setup.teams.salespeopleFailed')} error={salespeople.error} onRetry={() => void salespeople.refetch()} /> : null}
      {salespeople.isSuccess ? (
        <div className={styles.list}>
          {salespeople.data.map((person) => (
            <Checkbox key={person.code} label={person.name === '' ? person.code : `${person.name} (${person.code})`} checked={members.has(person.code)} onChange={(_event, data) => toggle(person.code, data.checked === true)} />
          ))}
          {unknown.map((code) => (
            <Checkbox key={code} label={t('setup.teams.unknownMember', { code })} checked onChange={() => toggle(code, false)} />
          ))}
        </div>
      ) : null}
      {problems.length > 0 ? <Text className={styles.problem}>{problems.join(' ')}</Text> : null}
    </fieldset>
  );
}

const spec: TableSpec<Team> = {
  title: 'nav.teams',
  intro: 'setup.teams.intro',
  newRecord: 'setup.teams.new',
  list: SETUP_LISTS.teams,
  key: { name: 'code', label: 'setup.field.code', maxLength: 10 },
  keyOf: (row) => row.code,
  columns: [
    { label: 'setup.field.description', text: (row) => row.description },
    { label: 'setup.teams.members', text: (row) => row.salespersonCodes.join(', ') },
  ],
  fields: [{ name: 'description', label: 'setup.field.description', kind: { kind: 'text', maxLength: 100 } }],
  parts: [
    part<Team, readonly string[]>({
      name: 'salespersonCodes',
      fromRow: (row) => row?.salespersonCodes ?? [],
      toBody: (value) => ({ value: [...value], problems: [] }),
      Editor: MembersEditor,
    }),
  ],
  savePath: (code) => recordPath('/setup/teams', code),
  saveReply: teamSchema,
};

/** Teams and their salespeople (§9.1): a task given to a team is copied to each member. */
export function TeamsPage() {
  return <SetupTable spec={spec} />;
}
