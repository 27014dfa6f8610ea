import { makeStyles, tokens } from '@fluentui/react-components';
import { getRouteApi } from '@tanstack/react-router';
import { ContactsMessages, useContactsT } from '../../i18n/contacts/contacts-messages';
import { hasLevel } from '../../queries/me';
import { useConsole } from '../../shell/console-context';
import { PageHeading } from '../../shell/PageHeading';
import { ChooseFile } from './ChooseFile';
import { FromAccounts } from './FromAccounts';
import { StagedImport } from './StagedImport';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL },
});

/** Import contacts (managers): a CSV file, its mapping, its dry run, its run and its result; and Create Contacts from accounts. */
export function ContactImportPage() {
  return (
    <ContactsMessages>
      <ContactImport />
    </ContactsMessages>
  );
}

const route = getRouteApi('/contact-import');

function ContactImport() {
  const styles = useStyles();
  const t = useContactsT();
  const { me } = useConsole();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <div className={styles.page}>
      <PageHeading title={t('import.heading')} intro={t('import.intro')} />
      {search.import === undefined ? (
        <ChooseFile onStaged={(id) => void navigate({ search: { import: id } })} />
      ) : (
        <StagedImport key={search.import} id={search.import} onStartOver={() => void navigate({ search: {} })} />
      )}
      {hasLevel(me.accessLevel, 'admin') ? <FromAccounts /> : null}
    </div>
  );
}
