import { Tab, TabList } from '@fluentui/react-components';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { LabelKey } from '../shared/message-keys';
import { useSetupI18n } from '../i18n/setup-i18n';
import { CODE_LIST_KINDS, type PageCodeListKind } from '../shared/code-list-kinds';
import { codeList } from '../shared/lists';
import { SetupTable } from '../shared/SetupTable';
import { codeAndDescription } from '../shared/simple-tables';
import type { TableSpec } from '../shared/table-spec';

const TITLES: Record<PageCodeListKind, { title: LabelKey; newRecord: LabelKey }> = {
  territory: { title: 'setup.codeLists.territory', newRecord: 'setup.codeLists.territoryNew' },
  countryRegion: { title: 'setup.codeLists.countryRegion', newRecord: 'setup.codeLists.countryRegionNew' },
  language: { title: 'setup.codeLists.language', newRecord: 'setup.codeLists.languageNew' },
  currency: { title: 'setup.codeLists.currency', newRecord: 'setup.codeLists.currencyNew' },
  industryGroup: { title: 'setup.codeLists.industryGroup', newRecord: 'setup.codeLists.industryGroupNew' },
  jobResponsibility: { title: 'setup.codeLists.jobResponsibility', newRecord: 'setup.codeLists.jobResponsibilityNew' },
  mailingGroup: { title: 'setup.codeLists.mailingGroup', newRecord: 'setup.codeLists.mailingGroupNew' },
  organizationalLevel: { title: 'setup.codeLists.organizationalLevel', newRecord: 'setup.codeLists.organizationalLevelNew' },
};

const SPECS = Object.fromEntries(
  CODE_LIST_KINDS.map((kind) => [
    kind,
    codeAndDescription({ ...TITLES[kind], intro: 'setup.codeLists.intro', list: codeList(kind), base: `/setup/code-lists/${kind}` }),
  ]),
) as Record<PageCodeListKind, TableSpec<{ code: string; description: string }>>;

/** The code lists contacts are filed by (territories, countries/regions, languages, …), one tab each; the tab is in the address. */
export function CodeListsPage() {
  const { t } = useSetupI18n();
  const navigate = useNavigate();
  const { kind = 'territory' } = useSearch({ from: '/setup/code-lists' });
  const tabs = (
    <TabList selectedValue={kind} onTabSelect={(_event, data) => void navigate({ to: '/setup/code-lists', search: { kind: data.value as PageCodeListKind } })}>
      {CODE_LIST_KINDS.map((entry) => (
        <Tab key={entry} value={entry}>
          {t(TITLES[entry].title)}
        </Tab>
      ))}
    </TabList>
  );
  return <SetupTable key={kind} spec={SPECS[kind]} heading={{ title: t('nav.codeLists'), intro: t('setup.codeLists.intro') }} above={tabs} />;
}
