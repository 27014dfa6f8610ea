import { createContext, type ReactNode } from 'react';
import type { PaneServices } from '../pane-services';

export const PaneContext = createContext<PaneServices | null>(null);

export type PaneProviderProps = { services: PaneServices; children: ReactNode };

export function PaneProvider({ services, children }: PaneProviderProps) {
  return <PaneContext value={services}>{children}</PaneContext>;
}
