import { useCallback, useSyncExternalStore } from 'react';
import type { ThemeName } from '../../ui-shared/theme';

/** What the user chose in the account menu: the system's look, or one of the three. */
export type ThemeChoice = 'system' | ThemeName;

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'highContrast'];

const STORAGE_KEY = 'rapport.console.theme';
// Windows' contrast themes set forced colours; the dark preference comes from the system or browser.
const FORCED_COLORS = '(forced-colors: active)';
const PREFERS_DARK = '(prefers-color-scheme: dark)';

type ThemeWindow = Pick<Window, 'localStorage'> & { matchMedia?: Window['matchMedia'] };

/** The system's look: high contrast when colours are forced, dark when it prefers dark, else light. */
export function systemTheme(win: ThemeWindow): ThemeName {
  if (win.matchMedia?.(FORCED_COLORS).matches) return 'highContrast';
  if (win.matchMedia?.(PREFERS_DARK).matches) return 'dark';
  return 'light';
}

function storedChoice(win: ThemeWindow): ThemeChoice {
  try {
    const stored = win.localStorage.getItem(STORAGE_KEY);
    return THEME_CHOICES.find((choice) => choice === stored) ?? 'system';
  } catch {
    // Storage refused (a privacy setting): the system's look.
    return 'system';
  }
}

const listeners = new Set<() => void>();
// The choice of this page's life, which holds even when storage refuses to keep it.
let chosen: ThemeChoice | null = null;

/**
 * The console's look: the user's choice (kept in localStorage for the next visit), or the system's,
 * followed live when the system switches between light, dark and high contrast.
 */
export function useThemeChoice(win: ThemeWindow): { choice: ThemeChoice; theme: ThemeName; choose(choice: ThemeChoice): void } {
  const subscribe = useCallback(
    (onChange: () => void) => {
      listeners.add(onChange);
      const queries = [FORCED_COLORS, PREFERS_DARK].map((query) => win.matchMedia?.(query)).filter((query) => query !== undefined);
      for (const query of queries) query.addEventListener('change', onChange);
      return () => {
        listeners.delete(onChange);
        for (const query of queries) query.removeEventListener('change', onChange);
      };
    },
    [win],
  );
  const snapshot = useSyncExternalStore(subscribe, () => `${chosen ?? storedChoice(win)}/${systemTheme(win)}`);
  const [choice, system] = snapshot.split('/') as [ThemeChoice, ThemeName];
  const choose = useCallback(
    (next: ThemeChoice) => {
      chosen = next;
      try {
        win.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not kept for the next visit; this one follows `chosen`.
      }
      for (const listener of [...listeners]) listener();
    },
    [win],
  );
  return { choice, theme: choice === 'system' ? system : choice, choose };
}
