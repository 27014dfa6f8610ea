import { makeStyles, tokens } from '@fluentui/react-components';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import type { AccessLevel } from '../../contract/me';
import type { MessageKey } from '../i18n/catalogue';
import { useI18n } from '../i18n/I18nProvider';
import { hasLevel } from '../queries/me';
import { SETUP_TABLE_NAV_ITEMS, type SetupTableNavTarget } from './setup-navigation';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  section: { marginTop: tokens.spacingVerticalL },
  sectionHeading: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
  },
  link: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    '&[aria-current="page"]': {
      backgroundColor: tokens.colorSubtleBackgroundSelected,
      color: tokens.colorNeutralForeground1,
      fontWeight: tokens.fontWeightSemibold,
    },
  },
});

type NavTarget = '/' | '/contacts' | '/contact-duplicates' | '/contact-import' | '/campaigns' | '/segments' | '/setup/marketing' | SetupTableNavTarget;
type NavKey = Extract<MessageKey, `nav.${string}`>;

/** The console's pages by section, each with the level that may see it (an item may need more than its section). */
const SECTIONS: readonly { heading: NavKey | null; level: AccessLevel; items: readonly { to: NavTarget; label: NavKey; level?: AccessLevel }[] }[] = [
  { heading: null, level: 'salesperson', items: [{ to: '/', label: 'nav.home' }] },
  {
    heading: 'nav.contactsSection',
    level: 'salesperson',
    items: [
      { to: '/contacts', label: 'nav.contacts' },
      { to: '/contact-duplicates', label: 'nav.contactDuplicates' },
      { to: '/contact-import', label: 'nav.contactImport', level: 'manager' },
    ],
  },
  {
    heading: 'nav.marketing',
    level: 'salesperson',
    items: [
      { to: '/campaigns', label: 'nav.campaigns' },
      { to: '/segments', label: 'nav.segments', level: 'manager' },
    ],
  },
  { heading: 'nav.setup', level: 'admin', items: [{ to: '/setup/marketing', label: 'nav.marketingSetup' }, ...SETUP_TABLE_NAV_ITEMS] },
];

export type NavigationProps = { level: AccessLevel };

/**
 * The sections the user's level may open: everyone the start page, the contacts (managers
 * their import too) and the campaigns (managers the segments too), administrators setup. Hiding
 * a section only saves a useless click; the service refuses the calls.
 */
export function Navigation({ level }: NavigationProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const idBase = useId();
  return (
    <>
      {SECTIONS.filter((section) => hasLevel(level, section.level)).map((section, index) => {
        const headingId = `${idBase}-${index}`;
        return (
          <section key={section.heading ?? 'start'} className={section.heading === null ? undefined : styles.section} aria-labelledby={section.heading === null ? undefined : headingId}>
            {section.heading === null ? null : (
              <h2 id={headingId} className={styles.sectionHeading}>
                {t(section.heading)}
              </h2>
            )}
            <ul className={styles.list}>
              {section.items.filter((item) => hasLevel(level, item.level ?? section.level)).map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className={styles.link} activeOptions={{ exact: true }}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
