import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';
import type { TestUser } from './tokens';

/**
 * A fresh tenant with a salesperson (Anna, code AL, signing in as `anna`) and a company with one
 * person: the starting point of most pipeline tests.
 */
export async function salesWorld(service: TestApp) {
  const tenant = await service.newTenant();
  await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example' } });
  const anna = tenant.user({ email: 'anna@nordlys.example' });
  const company = (await tenant.request('POST', '/contacts', { body: { name: 'Fabrikam AB' } })).body.contact as { no: string };
  const person = (await tenant.request('POST', '/contacts', { body: { type: 'person', name: 'Kim Ek', companyNo: company.no } })).body.contact as { no: string };
  return { tenant, anna, company, person };
}

/**
 * The sales world as two salespeople's devices see it: Anna (AL) owns the company, whose person
 * Kim Ek writes from kim@fabrikam.example; Bo (BO) is her colleague. Both users keep their id from
 * token to token, as with a real identity provider (an outbox belongs to its user).
 */
export async function syncWorld(service: TestApp) {
  const world = await salesWorld(service);
  const { tenant } = world;
  await tenant.request('PATCH', `/contacts/${world.company.no}`, { body: { salespersonCode: 'AL', email: 'info@fabrikam.example' } });
  await tenant.request('PATCH', `/contacts/${world.person.no}`, { body: { email: 'kim@fabrikam.example' } });
  await tenant.request('PUT', '/salespeople/BO', { body: { name: 'Bo Berg', email: 'bo@nordlys.example' } });
  const anna: TestUser = { ...world.anna, userId: randomUUID() };
  const bo: TestUser = tenant.user({ email: 'bo@nordlys.example', userId: randomUUID() });
  return { ...world, anna, bo };
}
