import { queryOptions } from '@tanstack/react-query';
import { type AccessLevel, meSchema } from '../../contract/me';
import type { ConsoleApi } from '../api/console-api';

/** `GET /me`: who is signed in, and their access level. */
export const meQuery = (api: ConsoleApi) =>
  queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => api.get('/me', meSchema, signal),
  });

const RANK: Readonly<Record<AccessLevel, number>> = { salesperson: 0, manager: 1, admin: 2 };

/** Whether a user of `level` has what `needed` allows (an admin is a manager too). */
export const hasLevel = (level: AccessLevel, needed: AccessLevel): boolean => RANK[level] >= RANK[needed];
