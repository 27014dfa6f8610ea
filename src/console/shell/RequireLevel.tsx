import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AccessLevel } from '../../contract/me';
import { useI18n } from '../i18n/I18nProvider';
import { hasLevel } from '../queries/me';
import { useConsole } from './console-context';
import { PageHeading } from './PageHeading';

/** The role a level needs in the token (README, Identity). */
export const ROLE_OF_LEVEL: Readonly<Record<Exclude<AccessLevel, 'salesperson'>, string>> = { manager: 'Rapport.Manager', admin: 'Rapport.Admin' };

export type RequireLevelProps = { level: Exclude<AccessLevel, 'salesperson'>; title: string; children: ReactNode };

/**
 * A page only `level` and above may use. Below it the page says so, by its title, and shows
 * nothing else (its code is not even loaded). This only spares the user a page that cannot work:
 * the service refuses every call below a route's level, whatever the console shows.
 */
export function RequireLevel({ level, title, children }: RequireLevelProps) {
  const { t } = useI18n();
  const { me } = useConsole();
  if (hasLevel(me.accessLevel, level)) return children;
  return (
    <>
      <PageHeading title={title} />
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{t(level === 'admin' ? 'access.needsAdmin' : 'access.needsManager')}</MessageBarTitle>
          {t('access.askForRole', { role: ROLE_OF_LEVEL[level] })}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
