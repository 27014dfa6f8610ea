import type { TestApp } from './test-app';

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
