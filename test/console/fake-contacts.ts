import type { z } from 'zod';
import { contactCreateSchema, contactListQuerySchema, contactSchema } from '../../src/contract/contacts';
import { importMappingSchema, type ImportMapping, type ImportOutcome, type ImportRowView } from '../../src/contract/contact-import';
import type { Job } from '../../src/contract/jobs';
import { isValidEmail } from '../../src/domain/contact/fields';
import { answer, type FakeRoutes, json, problem } from './fake-service';

/**
 * The contact side of the stand-in service: contacts with the list's filters and keyset paging,
 * the card's lists, the duplicate check and creation, the tenant's duplicate pairs, the import
 * (upload, dry run rows, run as a job that advances one step each time it is asked about, refused
 * rows as CSV) and Create Contacts from accounts. Requests are checked against the contract where
 * it has a schema; what breaks it goes to `malformed`.
 */

export type Contact = z.output<typeof contactSchema>;

/** A contact as the service answers it: every field, blank unless given. */
export function makeContact(fields: Partial<Contact> & { no: string; name: string }): Contact {
  return contactSchema.parse({
    type: 'company',
    name2: '',
    searchName: fields.name.toUpperCase(),
    companyNo: '',
    firstName: '',
    middleName: '',
    surname: '',
    initials: '',
    jobTitle: '',
    organizationalLevelCode: '',
    address: '',
    address2: '',
    postCode: '',
    city: '',
    county: '',
    countryRegionCode: '',
    phoneNo: '',
    mobilePhoneNo: '',
    faxNo: '',
    telexNo: '',
    telexAnswerBack: '',
    pager: '',
    extensionNo: '',
    email: '',
    email2: '',
    homePage: '',
    salespersonCode: '',
    territoryCode: '',
    languageCode: '',
    formatRegion: '',
    currencyCode: '',
    salutationCode: '',
    correspondenceType: '',
    vatRegistrationNo: '',
    registrationNumber: '',
    excludeFromSegment: false,
    privacyBlocked: false,
    minor: false,
    parentalConsentReceived: false,
    externalId: '',
    companyName: '',
    inheritedFields: [],
    businessRelation: 'none',
    lastModified: '2025-03-01T09:00:00.000Z',
    ...fields,
  });
}

export type FakePair = { contactNo: string; duplicateNo: string; noOfMatchingStrings: number; exactMatches: ('email' | 'phone')[]; separateContacts: boolean };

export type FakeImport = {
  id: string;
  columns: string[];
  mapping: ImportMapping;
  rows: ImportRowView[];
  status: 'staged' | 'running' | 'imported';
  duplicates: 'skip' | 'create' | null;
  job: Job | null;
  file: string;
};

export type ContactsWorld = {
  contacts: Contact[];
  codeLists: Record<string, { code: string; description: string }[]>;
  salespeople: { code: string; name: string }[];
  /** Business relation codes by the contact that holds them. */
  relationCodes: Record<string, string[]>;
  pairs: FakePair[];
  savedMapping: ImportMapping | null;
  imports: FakeImport[];
  jobs: Job[];
  /** Steps a run takes before it ends; each `GET /jobs/{id}` takes one. */
  runSteps: number;
  /** What Create Contacts from accounts finds, by kind. */
  accounts: Record<string, { withoutContact: number; linked: number }>;
  /** The next number a created contact takes. */
  nextNo: number;
};

export function createContactsWorld(overrides: Partial<ContactsWorld> = {}): ContactsWorld {
  return {
    contacts: [],
    codeLists: {
      territory: [
        { code: 'NORTH', description: 'North' },
        { code: 'SOUTH', description: 'South' },
      ],
      countryRegion: [
        { code: 'NO', description: 'Norway' },
        { code: 'SE', description: 'Sweden' },
      ],
      businessRelation: [
        { code: 'CUST', description: 'Customer' },
        { code: 'PROS', description: 'Prospect' },
      ],
      language: [{ code: 'SVE', description: 'Swedish' }],
    },
    salespeople: [
      { code: 'AL', name: 'Astrid Lindqvist' },
      { code: 'JB', name: 'Jonas Berg' },
    ],
    relationCodes: {},
    pairs: [],
    savedMapping: null,
    imports: [],
    jobs: [],
    runSteps: 3,
    accounts: { customer: { withoutContact: 2, linked: 5 }, vendor: { withoutContact: 0, linked: 3 }, bankAccount: { withoutContact: 0, linked: 0 } },
    nextNo: 900,
    ...overrides,
  };
}

const items = <T>(list: T[]) => json(200, { items: list });

/** The list's filters as the service applies them (src/server/modules/contacts/contact-repository.ts). */
function matches(world: ContactsWorld, contact: Contact, query: z.output<typeof contactListQuerySchema>): boolean {
  if (query.type && contact.type !== query.type) return false;
  if (query.companyNo && contact.companyNo !== query.companyNo) return false;
  if (query.salespersonCode && contact.salespersonCode !== query.salespersonCode) return false;
  if (query.territoryCode && contact.territoryCode !== query.territoryCode) return false;
  if (query.countryRegionCode && contact.countryRegionCode !== query.countryRegionCode) return false;
  if (query.city && contact.city.toLowerCase() !== query.city.toLowerCase()) return false;
  if (query.businessRelationCode) {
    const holder = contact.companyNo !== '' ? contact.companyNo : contact.no;
    if (!(world.relationCodes[holder] ?? []).includes(query.businessRelationCode)) return false;
  }
  if (query.q) {
    const prefix = query.q.toUpperCase();
    if (!contact.no.startsWith(prefix) && !contact.searchName.startsWith(prefix) && contact.email.toLowerCase() !== query.q.toLowerCase()) return false;
  }
  return true;
}

function listed(world: ContactsWorld, query: z.output<typeof contactListQuerySchema>): Contact[] {
  return world.contacts.filter((contact) => matches(world, contact, query)).sort((a, b) => (a.no < b.no ? -1 : a.no > b.no ? 1 : 0));
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The columns the fake export writes (the service writes more; the order is the service's). */
export const FAKE_EXPORT_COLUMNS = ['no', 'type', 'name', 'companyNo', 'companyName', 'city', 'countryRegionCode', 'email', 'salespersonCode'] as const;

function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

function newJob(world: ContactsWorld, kind: Job['kind'], total: number | null, createdBy: string): Job {
  const job: Job = {
    id: `00000000-0000-4000-8000-${String(world.jobs.length + 1).padStart(12, '0')}`,
    kind,
    status: 'queued',
    progress: { done: 0, total },
    outcome: null,
    error: null,
    createdBy,
    createdAt: '2025-03-05T09:00:00.000Z',
    startedAt: null,
    finishedAt: null,
  };
  world.jobs.push(job);
  return job;
}

function countsOf(rows: readonly ImportRowView[]): Record<ImportOutcome, number> {
  const counts: Record<ImportOutcome, number> = { created: 0, updated: 0, unchanged: 0, duplicate: 0, refused: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

function importView(record: FakeImport) {
  return {
    id: record.id,
    status: record.status,
    format: 'csv',
    delimiter: ',',
    columns: record.columns,
    mapping: record.mapping,
    mappingSource: 'request',
    rowCount: record.rows.length,
    counts: countsOf(record.rows),
    duplicates: record.duplicates,
    job: record.job,
    createdBy: 'maria.holm@nordlys.example',
    createdAt: '2025-03-05T09:00:00.000Z',
    importedAt: record.status === 'imported' ? '2025-03-05T09:01:00.000Z' : null,
  };
}

/** The rows of a CSV upload classified as the dry run would: a bad e-mail is refused, a name already among the contacts is a likely duplicate. */
function dryRun(world: ContactsWorld, text: string, mapping: ImportMapping): { columns: string[]; rows: ImportRowView[] } {
  const [header = '', ...lines] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const columns = header.split(',');
  const column = (field: keyof ImportMapping) => (mapping[field] === undefined ? -1 : columns.findIndex((name) => name.toLowerCase() === mapping[field]?.toLowerCase()));
  const rows: ImportRowView[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const cells = line.split(',');
    const values = Object.fromEntries(columns.map((name, at) => [name, cells[at] ?? '']));
    const name = cells[column('name')] ?? '';
    const email = cells[column('email')] ?? '';
    const base = { rowNo: index + 2, applied: false, type: 'company' as const, contactNo: '', values, problems: [], candidates: [] };
    const existing = world.contacts.find((contact) => contact.name.toLowerCase() === name.toLowerCase());
    if (email !== '' && !isValidEmail(email)) {
      rows.push({ ...base, outcome: 'refused', problems: [{ field: 'email', column: mapping.email ?? '', reason: 'Not a valid e-mail address.' }] });
    } else if (existing !== undefined) {
      rows.push({ ...base, outcome: 'duplicate', candidates: [{ contactNo: existing.no, rowNo: null, name: existing.name, type: existing.type, noOfMatchingStrings: 10, exactMatches: [] }] });
    } else {
      rows.push({ ...base, outcome: 'created' });
    }
  });
  return { columns, rows };
}

/** Moves a running job one step on; at its last step the import is applied. */
function advance(world: ContactsWorld, job: Job): void {
  if (job.status === 'queued') {
    job.status = 'running';
    job.startedAt = '2025-03-05T09:00:01.000Z';
    return;
  }
  if (job.status !== 'running') return;
  const total = job.progress.total ?? 0;
  job.progress.done = Math.min(total, job.progress.done + Math.ceil(total / world.runSteps));
  if (job.progress.done < total) return;
  const record = world.imports.find((candidate) => candidate.job?.id === job.id);
  if (record !== undefined) {
    for (const row of record.rows) {
      row.applied = true;
      if (row.outcome === 'created' || (row.outcome === 'duplicate' && record.duplicates === 'create')) {
        row.outcome = 'created';
        row.contactNo = `CT${world.nextNo++}`;
        world.contacts.push(makeContact({ no: row.contactNo, name: String(Object.values(row.values)[0] ?? row.contactNo) }));
      }
    }
    record.status = 'imported';
    job.outcome = countsOf(record.rows);
  }
  job.status = 'succeeded';
  job.finishedAt = '2025-03-05T09:00:30.000Z';
}

/** The contact routes of the stand-in service over `world`. */
export function contactRoutes(world: ContactsWorld): FakeRoutes {
  return async (request, malformed) => {
    const { method, pathname, query, level } = request;
    const manager = level === 'manager' || level === 'admin';
    const forbidden = (role: string) => problem(403, 'forbidden', `This needs the ${role} role.`, { details: { requiredRole: role } });
    const one = /^\/api\/v1\/contacts\/([^/]+)(\/.*)?$/.exec(pathname);

    if (method === 'GET' && pathname === '/api/v1/salespeople') {
      return items(world.salespeople.map((salesperson) => ({ ...salesperson, email: '', jobTitle: '', phoneNo: '', blocked: false, privacyBlocked: false })));
    }
    const codeList = /^\/api\/v1\/setup\/code-lists\/([a-zA-Z]+)$/.exec(pathname);
    if (method === 'GET' && codeList !== null) return items(world.codeLists[codeList[1] ?? ''] ?? []);

    if (method === 'GET' && (pathname === '/api/v1/contacts' || pathname === '/api/v1/contacts/export')) {
      const exporting = pathname.endsWith('/export');
      if (exporting && !manager) return forbidden('Rapport.Manager');
      const parsed = contactListQuerySchema.safeParse(Object.fromEntries(query));
      if (!parsed.success || (exporting && (query.has('limit') || query.has('after')))) {
        malformed.push(`GET ${pathname} with a query the contract refuses: ${query.toString()}`);
        return problem(400, 'validation_failed', 'The query is not valid.');
      }
      const all = listed(world, parsed.data).filter((contact) => parsed.data.after === undefined || contact.no > parsed.data.after);
      if (exporting) {
        const lines = [FAKE_EXPORT_COLUMNS.join(','), ...all.map((contact) => FAKE_EXPORT_COLUMNS.map((key) => csvCell(String(contact[key]))).join(','))];
        return answer(200, `\uFEFF${lines.join('\r\n')}\r\n`, 'text/csv; charset=utf-8', { 'content-disposition': 'attachment; filename="contacts.csv"' });
      }
      const page = all.slice(0, parsed.data.limit);
      return json(200, { items: page, next: all.length > parsed.data.limit ? (page.at(-1)?.no ?? null) : null });
    }

    if (method === 'POST' && (pathname === '/api/v1/contacts/duplicate-check' || pathname === '/api/v1/contacts')) {
      const parsed = contactCreateSchema.safeParse(request.body);
      if (!parsed.success) {
        // A value the user typed (an e-mail without @) is the service's to refuse, field by field;
        // a field the contract does not have is the console's mistake.
        if (parsed.error.issues.some((issue) => issue.code === 'unrecognized_keys')) malformed.push(`POST ${pathname} with fields the contract does not have: ${JSON.stringify(request.body)}`);
        return problem(400, 'validation_failed', 'The request body is not valid.', { fields: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) });
      }
      const body = parsed.data;
      const name = (body.name ?? [body.firstName, body.middleName, body.surname].filter(Boolean).join(' ')).trim();
      if (pathname.endsWith('/duplicate-check')) {
        const alike = world.contacts.filter((contact) => contact.name.toLowerCase() === name.toLowerCase() || (body.email !== undefined && body.email !== '' && contact.email === body.email));
        return items(alike.map((contact) => ({ contactNo: contact.no, name: contact.name, type: contact.type, noOfMatchingStrings: 8, exactMatches: contact.email === body.email ? ['email'] : [], separateContacts: false })));
      }
      const company = body.companyNo ? world.contacts.find((contact) => contact.no === body.companyNo) : undefined;
      const contact = makeContact({ ...body, no: `CT${world.nextNo++}`, name, type: body.type ?? 'company', companyName: company?.name ?? '' } as Contact);
      world.contacts.push(contact);
      return json(201, { contact, duplicates: [], warnings: [] });
    }

    if (method === 'GET' && one !== null && !['export', 'import', 'imports'].includes(one[1] ?? '')) {
      const no = decodeURIComponent(one[1] ?? '');
      const contact = world.contacts.find((candidate) => candidate.no === no);
      const rest = one[2] ?? '';
      const pairPath = /^\/duplicates\/([^/]+)$/.exec(rest);
      if (contact === undefined) return problem(404, 'not_found', `There is no contact ${no}.`);
      if (rest === '') return json(200, contact);
      if (rest === '/business-relations') return items((world.relationCodes[no] ?? []).map((code) => ({ contactNo: no, businessRelationCode: code, linkToTable: code === 'CUST' ? 'customer' : '', no: code === 'CUST' ? 'C10000' : '' })));
      if (rest === '/interactions') return json(200, { items: [], next: null });
      if (rest === '/opportunities' || rest === '/tasks' || rest === '/campaigns') return items([]);
      if (rest === '/duplicates') {
        return items(
          world.pairs
            .filter((pair) => pair.contactNo === no || pair.duplicateNo === no)
            .map((pair) => {
              const otherNo = pair.contactNo === no ? pair.duplicateNo : pair.contactNo;
              const other = world.contacts.find((candidate) => candidate.no === otherNo);
              return { contactNo: otherNo, name: other?.name ?? '', type: other?.type ?? 'company', noOfMatchingStrings: pair.noOfMatchingStrings, exactMatches: pair.exactMatches, separateContacts: pair.separateContacts };
            }),
        );
      }
      if (pairPath !== null) {
        const otherNo = decodeURIComponent(pairPath[1] ?? '');
        const pair = world.pairs.find((candidate) => (candidate.contactNo === no && candidate.duplicateNo === otherNo) || (candidate.contactNo === otherNo && candidate.duplicateNo === no));
        const other = world.contacts.find((candidate) => candidate.no === otherNo);
        if (pair === undefined || other === undefined) return problem(404, 'not_found', 'Not recorded as duplicates.');
        const strings = (of: Contact) => [
          { field: 'name', part: 'first', searchString: of.name.slice(0, 5).toUpperCase(), matches: of.name.slice(0, 5).toUpperCase() === (of === contact ? other : contact).name.slice(0, 5).toUpperCase() },
          { field: 'city', part: 'first', searchString: of.city.slice(0, 5).toUpperCase(), matches: of.city.slice(0, 5).toUpperCase() === (of === contact ? other : contact).city.slice(0, 5).toUpperCase() },
        ];
        return json(200, {
          contact: { no: contact.no, name: contact.name, type: contact.type },
          duplicate: { no: other.no, name: other.name, type: other.type },
          noOfMatchingStrings: pair.noOfMatchingStrings,
          exactMatches: pair.exactMatches,
          separateContacts: pair.separateContacts,
          contactStrings: strings(contact),
          duplicateStrings: strings(other),
        });
      }
    }

    if (method === 'GET' && pathname === '/api/v1/contact-duplicates') {
      const separate = query.get('separateContacts');
      const after = query.get('after');
      const limit = Number(query.get('limit') ?? '50');
      const key = (pair: FakePair) => JSON.stringify([pair.contactNo, pair.duplicateNo]);
      const all = world.pairs
        .filter((pair) => separate === null || String(pair.separateContacts) === separate)
        .sort((a, b) => (key(a) < key(b) ? -1 : 1))
        .filter((pair) => after === null || key(pair) > after);
      const page = all.slice(0, limit);
      const side = (no: string) => {
        const contact = world.contacts.find((candidate) => candidate.no === no);
        return { no, name: contact?.name ?? '', type: contact?.type ?? 'company' };
      };
      return json(200, {
        items: page.map((pair) => ({ contact: side(pair.contactNo), duplicate: side(pair.duplicateNo), noOfMatchingStrings: pair.noOfMatchingStrings, exactMatches: pair.exactMatches, separateContacts: pair.separateContacts })),
        next: all.length > limit && page.length > 0 ? key(page.at(-1) as FakePair) : null,
      });
    }

    const separate = /^\/api\/v1\/contacts\/([^/]+)\/duplicates\/([^/]+)$/.exec(pathname);
    if (method === 'PUT' && separate !== null) {
      const [a, b] = [decodeURIComponent(separate[1] ?? ''), decodeURIComponent(separate[2] ?? '')];
      const body = request.body as { separateContacts?: unknown } | undefined;
      if (typeof body?.separateContacts !== 'boolean' || Object.keys(body).length !== 1) {
        malformed.push(`PUT ${pathname} with ${JSON.stringify(body)}`);
        return problem(400, 'validation_failed', 'The request body is not valid.');
      }
      const pair = world.pairs.find((candidate) => (candidate.contactNo === a && candidate.duplicateNo === b) || (candidate.contactNo === b && candidate.duplicateNo === a));
      if (pair === undefined) return problem(404, 'not_found', 'Not recorded as duplicates.');
      pair.separateContacts = body.separateContacts;
      return json(200, { separateContacts: pair.separateContacts });
    }

    if (pathname.startsWith('/api/v1/contacts/import') || pathname.startsWith('/api/v1/jobs') || pathname.startsWith('/api/v1/contacts/create-from-accounts')) {
      if (!manager) return forbidden('Rapport.Manager');
    }
    if (method === 'GET' && pathname === '/api/v1/contacts/import/mapping') {
      return json(200, { mapping: world.savedMapping, updatedBy: world.savedMapping === null ? null : 'maria.holm@nordlys.example', updatedAt: world.savedMapping === null ? null : '2025-03-01T09:00:00.000Z' });
    }
    if (method === 'PUT' && pathname === '/api/v1/contacts/import/mapping') {
      const parsed = importMappingSchema.safeParse((request.body as { mapping?: unknown } | undefined)?.mapping);
      if (!parsed.success) {
        malformed.push(`PUT ${pathname} with ${JSON.stringify(request.body)}`);
        return problem(422, 'import_mapping_invalid', 'The mapping is not valid.');
      }
      world.savedMapping = parsed.data;
      return json(200, { mapping: parsed.data, updatedBy: request.user, updatedAt: '2025-03-05T09:00:00.000Z' });
    }
    if (method === 'POST' && pathname === '/api/v1/contacts/import') {
      if (request.file === undefined || request.contentType !== 'text/csv') {
        malformed.push(`POST ${pathname} without a CSV file (${String(request.contentType)})`);
        return problem(415, 'unsupported_media_type', 'Send a CSV file.');
      }
      const mapping = importMappingSchema.safeParse(JSON.parse(query.get('mapping') ?? 'null'));
      if (!mapping.success) {
        malformed.push(`POST ${pathname} with a mapping the contract refuses: ${query.get('mapping')}`);
        return problem(422, 'import_mapping_invalid', 'The mapping is not valid.');
      }
      const file = await readText(request.file);
      const { columns, rows } = dryRun(world, file, mapping.data);
      const record: FakeImport = { id: `00000000-0000-4000-9000-${String(world.imports.length + 1).padStart(12, '0')}`, columns, mapping: mapping.data, rows, status: 'staged', duplicates: null, job: null, file };
      world.imports.push(record);
      return json(201, importView(record));
    }
    const importPath = /^\/api\/v1\/contacts\/imports\/([^/]+)(\/[a-z-]+)?$/.exec(pathname);
    if (importPath !== null) {
      const record = world.imports.find((candidate) => candidate.id === importPath[1]);
      if (record === undefined) return problem(404, 'not_found', 'There is no such import.');
      const rest = importPath[2] ?? '';
      if (method === 'GET' && rest === '') return json(200, importView(record));
      if (method === 'DELETE' && rest === '') {
        world.imports = world.imports.filter((candidate) => candidate !== record);
        return answer(204, '', 'text/plain');
      }
      if (method === 'GET' && rest === '/rows') {
        const outcome = query.get('outcome');
        const after = Number(query.get('after') ?? '0');
        const limit = Number(query.get('limit') ?? '50');
        const all = record.rows.filter((row) => (outcome === null || row.outcome === outcome) && row.rowNo > after);
        const page = all.slice(0, limit);
        return json(200, { items: page, next: all.length > limit ? (page.at(-1)?.rowNo ?? null) : null });
      }
      if (method === 'GET' && rest === '/refused-rows') {
        const refused = record.rows.filter((row) => row.outcome === 'refused');
        const lines = [['reason', ...record.columns].join(','), ...refused.map((row) => [row.problems.map((p) => `${p.field}: ${p.reason}`).join(' '), ...record.columns.map((name) => row.values[name] ?? '')].join(','))];
        return answer(200, `\uFEFF${lines.join('\r\n')}\r\n`, 'text/csv; charset=utf-8', { 'content-disposition': 'attachment; filename="refused-rows.csv"' });
      }
      if (method === 'POST' && rest === '/run') {
        const duplicates = (request.body as { duplicates?: unknown } | undefined)?.duplicates;
        if (duplicates !== 'skip' && duplicates !== 'create') {
          malformed.push(`POST ${pathname} with ${JSON.stringify(request.body)}`);
          return problem(400, 'validation_failed', 'The request body is not valid.');
        }
        if (record.status !== 'staged') return problem(409, 'conflict', 'The import is not staged.');
        record.duplicates = duplicates;
        record.status = 'running';
        record.job = newJob(world, 'contact-import', record.rows.length, request.user ?? '');
        return json(202, record.job);
      }
    }
    const jobPath = /^\/api\/v1\/jobs\/([^/]+)$/.exec(pathname);
    if (method === 'GET' && jobPath !== null) {
      const job = world.jobs.find((candidate) => candidate.id === jobPath[1]);
      if (job === undefined) return problem(404, 'not_found', 'There is no such job.');
      advance(world, job);
      return json(200, job);
    }
    const fromAccounts = /^\/api\/v1\/contacts\/create-from-accounts\/([a-zA-Z]+)$/.exec(pathname);
    if (method === 'POST' && fromAccounts !== null) {
      if (level !== 'admin') return forbidden('Rapport.Admin');
      const kind = fromAccounts[1] as 'customer' | 'vendor' | 'bankAccount';
      const accounts = world.accounts[kind];
      if (accounts === undefined) return problem(400, 'validation_failed', 'Not a kind of account.');
      if (kind === 'bankAccount') return problem(422, 'business_relation_missing', 'Marketing Setup has no Bus. Rel. Code for Bank Accs.');
      const job = newJob(world, 'create-contacts-from-accounts', accounts.withoutContact, request.user ?? '');
      const first = world.nextNo;
      world.nextNo += accounts.withoutContact;
      job.status = 'succeeded';
      job.progress.done = accounts.withoutContact;
      job.outcome = {
        kind,
        created: accounts.withoutContact,
        alreadyLinked: accounts.linked,
        firstContactNo: accounts.withoutContact === 0 ? null : `CT${first}`,
        lastContactNo: accounts.withoutContact === 0 ? null : `CT${world.nextNo - 1}`,
      };
      return json(202, job);
    }
    return undefined;
  };
}
