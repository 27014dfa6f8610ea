import { teamsHighContrastTheme, type Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { HostTheme } from '../office/mail-host';

/** Outlook's theme as Fluent's: light when Outlook does not say. */
export function fluentTheme(theme: HostTheme | null): Theme {
  switch (theme) {
    case 'dark':
      return webDarkTheme;
    case 'highContrast':
      return teamsHighContrastTheme;
    default:
      return webLightTheme;
  }
}
