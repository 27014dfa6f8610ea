import pino from 'pino';
import type { Db } from '../db/db';
import { DEV_TENANT_ID, type DevUser } from '../dev/dev-identity';
import { ADMIN_ROLE, MANAGER_ROLE } from '../http/identity';
import type { RequestContext } from '../http/route';
import { createContactAs } from '../modules/business-relations/business-relation-service';
import { createContact } from '../modules/contacts/contact-service';
import { listSalespeople, upsertSalesperson } from '../modules/salespeople/salesperson-repository';
import { ensureTenant } from '../modules/tenancy/tenant-provisioning';
import { buildDemoDataset } from './demo-dataset';
import { seedSalesActivity } from './seed-activity';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Fills the dev tenant with the demo company on its first start: salespeople, companies and their
 * persons, customers and vendors, and their recent sales work. Goes through the same services as the API, so the demo data obeys
 * every rule (numbers, defaults, inheritance, duplicate index). Does nothing once contacts exist.
 */
export async function seedDemoTenant(db: Db): Promise<void> {
  await ensureTenant(db, DEV_TENANT_ID);
  const existing = await db.query('SELECT 1 FROM contact WHERE tenant_id = $1 LIMIT 1', [DEV_TENANT_ID]);
  if (existing.length > 0) return;

  const dataset = buildDemoDataset();
  await db.transaction(async (tx) => {
    for (const salesperson of dataset.salespeople) {
      await upsertSalesperson(tx, DEV_TENANT_ID, { ...salesperson, phoneNo: '', blocked: false, privacyBlocked: false });
    }
  });

  const log = pino({ level: 'silent' });
  const emailOf = new Map(dataset.salespeople.map((salesperson) => [salesperson.code, salesperson.email]));
  const contextFor = (salespersonCode: string): RequestContext => ({
    db,
    identity: { tenantId: DEV_TENANT_ID, userId: `demo-${salespersonCode || 'seed'}`, email: emailOf.get(salespersonCode) ?? '', name: 'Demo data', roles: [ADMIN_ROLE] },
    log,
    workDate: today(),
    currentSalespersonCode: async () => salespersonCode,
  });

  const companyNos = new Map<string, string>();
  for (const { key, businessRelation, ...company } of dataset.companies) {
    const ctx = contextFor(company.salespersonCode);
    const { contact } = await createContact(ctx, { type: 'company', ...company });
    companyNos.set(key, contact.no);
    if (businessRelation === 'customer' || businessRelation === 'vendor') await createContactAs(ctx, contact.no, businessRelation);
  }
  const persons = [];
  for (const { companyKey, phoneNo, languageCode, ...person } of dataset.persons) {
    const companyNo = companyKey === null ? undefined : companyNos.get(companyKey);
    const { contact } = await createContact(contextFor(''), {
      type: 'person',
      ...person,
      ...(companyNo ? { companyNo } : {}),
      ...(phoneNo ? { phoneNo } : {}),
      ...(languageCode ? { languageCode } : {}),
    });
    persons.push({ no: contact.no, email: contact.email, salespersonCode: contact.salespersonCode });
  }
  await seedSalesActivity(contextFor, persons, today());
}

/**
 * The people who can sign in to the dev tenant: its salespeople. The first is an administrator and
 * the last a sales manager, so every access level can be tried; the rest are salespeople.
 */
export async function demoUsers(db: Db): Promise<DevUser[]> {
  const salespeople = await listSalespeople(db, DEV_TENANT_ID);
  const signable = salespeople.filter((salesperson) => salesperson.email !== '' && !salesperson.blocked);
  const rolesAt = (index: number): string[] => {
    if (index === 0) return [ADMIN_ROLE, MANAGER_ROLE];
    if (index === signable.length - 1 && index > 1) return [MANAGER_ROLE];
    return [];
  };
  return signable.map((salesperson, index) => ({ email: salesperson.email, name: salesperson.name, roles: rolesAt(index) }));
}
