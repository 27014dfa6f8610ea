import { createContext, use } from 'react';
import type { Me } from '../../contract/me';
import type { ConsoleApi } from '../api/console-api';
import type { ThemeChoice } from './theme-choice';

/**
 * What every page of a signed-in console reaches: the API client, the user as `GET /me` reported
 * them, the look they chose, and signing out (which also forgets every cached answer).
 */
export type ConsoleContextValue = {
  api: ConsoleApi;
  me: Me;
  themeChoice: ThemeChoice;
  chooseTheme(choice: ThemeChoice): void;
  signOut(): Promise<void>;
};

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = use(ConsoleContext);
  if (value === null) throw new Error('useConsole is used outside a signed-in console.');
  return value;
}
