import {
  Body1Strong,
  Caption1,
  makeStyles,
  Menu,
  MenuButton,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { Outlet } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from './console-context';
import { Navigation } from './Navigation';
import { THEME_CHOICES, type ThemeChoice } from './theme-choice';

const useStyles = makeStyles({
  // The frame fills the window and stays put, as Outlook's does; only the page scrolls.
  root: {
    height: '100vh',
    display: 'grid',
    gridTemplateRows: 'auto minmax(0, 1fr)',
    gridTemplateColumns: 'minmax(12rem, 16rem) 1fr',
    gridTemplateAreas: '"header header" "nav main"',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: `calc(-1 * ${tokens.spacingVerticalXXXL} * 2)`,
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ':focus': { top: tokens.spacingVerticalS },
  },
  header: {
    gridArea: 'header',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { margin: 0 },
  account: { color: tokens.colorNeutralForegroundOnBrand },
  accountText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', textAlign: 'end' },
  visuallyHidden: {
    position: 'absolute',
    width: tokens.strokeWidthThin,
    height: tokens.strokeWidthThin,
    margin: `calc(-1 * ${tokens.strokeWidthThin})`,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  nav: { gridArea: 'nav', overflowY: 'auto', borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}` },
  main: {
    gridArea: 'main',
    minWidth: 0,
    minHeight: 0,
    overflowY: 'auto',
    // No padding above: a page's sticky bar then sticks to the very top of the scrolled area.
    padding: `0 ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus': { outlineStyle: 'none' },
  },
  page: { paddingTop: tokens.spacingVerticalXL },
});

const THEME_KEYS = { system: 'theme.system', light: 'theme.light', dark: 'theme.dark', highContrast: 'theme.highContrast' } as const;

/**
 * The console's frame, laid out like Outlook on the web: a brand-coloured top bar with the
 * account menu (appearance, sign out), the navigation on the left with what the user's level
 * allows, and the page. A skip link leads past both to the page.
 */
export function Shell() {
  const styles = useStyles();
  const { t } = useI18n();
  const { me, themeChoice, chooseTheme, signOut } = useConsole();
  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        {t('shell.skipToContent')}
      </a>
      <header className={styles.header}>
        <Subtitle1 as="p" className={styles.brand}>
          Rapport
        </Subtitle1>
        <Menu
          checkedValues={{ theme: [themeChoice] }}
          onCheckedValueChange={(_event, { name, checkedItems }) => {
            const choice = THEME_CHOICES.find((candidate) => candidate === checkedItems[0]);
            if (name === 'theme' && choice !== undefined) chooseTheme(choice);
          }}
        >
          <MenuTrigger disableButtonEnhancement>
            <MenuButton appearance="transparent" className={styles.account}>
              {/* Read out first, and not shown: the button's visible text is the user. */}
              <span className={styles.visuallyHidden}>{t('shell.account')}: </span>
              <span className={styles.accountText}>
                <Body1Strong>{me.name || me.email}</Body1Strong>
                <Caption1>{t(`level.${me.accessLevel}`)}</Caption1>
              </span>
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuGroup>
                <MenuGroupHeader>{t('shell.appearance')}</MenuGroupHeader>
                {THEME_CHOICES.map((choice: ThemeChoice) => (
                  <MenuItemRadio key={choice} name="theme" value={choice}>
                    {t(THEME_KEYS[choice])}
                  </MenuItemRadio>
                ))}
              </MenuGroup>
              <MenuDivider />
              <MenuItem onClick={() => void signOut()}>{t('shell.signOut')}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </header>
      <nav className={styles.nav} aria-label={t('shell.navigation')}>
        <Navigation level={me.accessLevel} />
      </nav>
      <main id="main" tabIndex={-1} className={styles.main}>
        <div className={styles.page}>
          <Suspense fallback={<Spinner size="small" label={t('common.loading')} />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
    </div>
  );
}
