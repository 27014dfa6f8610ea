import { teamsHighContrastTheme, type Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';

/** The three looks of Rapport's clients: Outlook's theme in the pane, the system's or the user's choice in the console. */
export type ThemeName = 'light' | 'dark' | 'highContrast';

/** The Fluent theme of a look: light when none is known. */
export function fluentTheme(theme: ThemeName | null): Theme {
  switch (theme) {
    case 'dark':
      return webDarkTheme;
    case 'highContrast':
      return teamsHighContrastTheme;
    default:
      return webLightTheme;
  }
}
