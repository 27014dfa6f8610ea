import { z } from 'zod';

/** What a user may do (README, Identity): clients show or hide actions by it; the service enforces it on every route. */
export const accessLevelSchema = z.enum(['salesperson', 'manager', 'admin']);
export type AccessLevel = z.output<typeof accessLevelSchema>;

/** `GET /me`: the signed-in user as the service sees them. */
export const meSchema = z.object({
  tenantId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  accessLevel: accessLevelSchema.describe('What the user may do; clients show or hide actions by it, the service enforces it.'),
  salespersonCode: z.string(),
});
export type Me = z.output<typeof meSchema>;
