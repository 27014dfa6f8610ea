import { z } from 'zod';
import { accountKindSchema } from '../../../contract/business-relations';
import { defineJob, type AnyJobHandler } from '../../jobs/job';
import { countAccounts, countAccountsWithoutContact, type AccountKindWithTable } from './account-repository';
import { createContactsForAccountsStep } from './business-relation-service';

/** Accounts per step: each gets a contact, a relation and its duplicate search, a few queries apiece. */
export const CREATE_CONTACTS_ACCOUNTS_PER_STEP = 100;

type CreateContactsCheckpoint = {
  /** The last account number looked at; '' before the first step. */
  after: string;
  created: number;
  /** Accounts without a contact when the job started. */
  total: number;
  firstContactNo: string | null;
  lastContactNo: string | null;
};

export type CreateContactsOutcome = {
  kind: AccountKindWithTable;
  created: number;
  /** Accounts that already had a contact (before the job or, created meanwhile, by themselves). */
  alreadyLinked: number;
  /** The first and last contact created: contact numbers come from one series, so they span every one created. */
  firstContactNo: string | null;
  lastContactNo: string | null;
};

/**
 * Business Central's "Create Contacts from Customers / Vendors / Bank Accounts" (§11) as a
 * background job for any number of accounts: `accountsPerStep` accounts without a contact at a
 * time, in account number order, each step committed with its checkpoint. The relation code is
 * checked again at every step: cleared in Marketing Setup meanwhile, it fails the job with
 * `business_relation_missing` and leaves the contacts already created.
 */
export function createContactsFromAccountsJob(options: { accountsPerStep?: number } = {}): AnyJobHandler {
  const limit = options.accountsPerStep ?? CREATE_CONTACTS_ACCOUNTS_PER_STEP;
  return defineJob<{ kind: AccountKindWithTable }, CreateContactsCheckpoint, CreateContactsOutcome>({
    kind: 'create-contacts-from-accounts',
    params: z.strictObject({ kind: accountKindSchema }),
    async step({ ctx, params: { kind }, checkpoint }) {
      const tenantId = ctx.identity.tenantId;
      const from = checkpoint ?? { after: '', created: 0, total: await countAccountsWithoutContact(ctx.db, tenantId, kind), firstContactNo: null, lastContactNo: null };
      const step = await createContactsForAccountsStep(ctx, kind, from.after, limit);
      const created = from.created + step.contactNos.length;
      const next: CreateContactsCheckpoint = {
        after: step.lastAccountNo ?? from.after,
        created,
        total: from.total,
        firstContactNo: from.firstContactNo ?? step.contactNos[0] ?? null,
        lastContactNo: step.contactNos.at(-1) ?? from.lastContactNo,
      };
      // Accounts created meanwhile without a contact (the code was set at their creation) can take it past the count taken at the start.
      if (step.accounts === limit) return { state: 'continue', checkpoint: next, progress: { done: created, total: Math.max(from.total, created) } };
      const outcome: CreateContactsOutcome = {
        kind,
        created,
        alreadyLinked: (await countAccounts(ctx.db, tenantId, kind)) - created,
        firstContactNo: next.firstContactNo,
        lastContactNo: next.lastContactNo,
      };
      return { state: 'done', outcome, progress: { done: created, total: created } };
    },
  });
}
