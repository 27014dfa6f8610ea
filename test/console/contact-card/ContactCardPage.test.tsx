/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderConsole } from '../console-harness';
import { contactRoutes, createContactsWorld, makeContact } from '../fake-contacts';
import { createFakeService, json, MANAGER, problem, SALESPERSON } from '../fake-service';

const company = makeContact({
  no: 'CT0100',
  name: 'Fjordkraft Handel AS',
  address: 'Bryggen 4',
  postCode: '5003',
  city: 'Bergen',
  countryRegionCode: 'NO',
  phoneNo: '+47 55 12 34 56',
  email: 'post@fjordkraft.example',
  salespersonCode: 'AL',
  vatRegistrationNo: 'NO912345678MVA',
  businessRelation: 'customer',
});
const person = makeContact({
  no: 'CT0101',
  type: 'person',
  name: 'Ingrid Solberg',
  firstName: 'Ingrid',
  surname: 'Solberg',
  jobTitle: 'Innkjøpssjef',
  companyNo: 'CT0100',
  companyName: 'Fjordkraft Handel AS',
  address: 'Bryggen 4',
  postCode: '5003',
  city: 'Bergen',
  countryRegionCode: 'NO',
  phoneNo: '+47 55 12 34 56',
  mobilePhoneNo: '+47 912 34 567',
  email: 'ingrid.solberg@fjordkraft.example',
  salespersonCode: 'AL',
  inheritedFields: ['address', 'postCode', 'city', 'countryRegionCode', 'phoneNo', 'salespersonCode'],
});
const lookalike = makeContact({ no: 'CT0150', name: 'Fjordkraft Handel', city: 'Bergen' });

function service() {
  const world = createContactsWorld({
    contacts: [company, person, lookalike],
    relationCodes: { CT0100: ['CUST', 'PROS'] },
    pairs: [{ contactNo: 'CT0150', duplicateNo: 'CT0100', noOfMatchingStrings: 9, exactMatches: ['phone'], separateContacts: false }],
  });
  return createFakeService({ routes: contactRoutes(world) });
}

async function openCard(no: string, options: { as?: string; fake?: ReturnType<typeof createFakeService> } = {}) {
  const fake = options.fake ?? service();
  const rendered = await renderConsole({ signedInAs: options.as ?? MANAGER.email, path: `/console/contacts/${no}`, service: fake });
  return rendered;
}

const section = (name: string) => screen.getByRole('region', { name });
/** The value a card shows for a field, and whether it is marked inherited. */
function field(group: string, label: string): { value: string; inherited: boolean } {
  const term = within(section(group))
    .getAllByRole('term')
    .find((element) => element.textContent === label);
  if (term === undefined) throw new Error(`${group} has no ${label}`);
  const definition = term.nextElementSibling as HTMLElement;
  const inherited = within(definition).queryByText('Inherited') !== null;
  return { value: (definition.textContent ?? '').replace(/Inherited$/, ''), inherited };
}

describe('a person’s card', () => {
  test('shows the person’s fields in their groups, those that follow the company marked inherited', async () => {
    await openCard('CT0101');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingrid Solberg' })).toBeTruthy();
    expect(screen.getByText('Person CT0101 at Fjordkraft Handel AS')).toBeTruthy();
    expect(screen.getByText('Fields marked Inherited come from Fjordkraft Handel AS and change with it.')).toBeTruthy();
    expect(field('General', 'Job Title')).toEqual({ value: 'Innkjøpssjef', inherited: false });
    expect(field('General', 'Salesperson Code')).toEqual({ value: 'AL', inherited: true });
    expect(field('General', 'Company No.')).toEqual({ value: 'CT0100 – Fjordkraft Handel AS', inherited: false });
    expect(field('Address', 'City')).toEqual({ value: 'Bergen', inherited: true });
    expect(field('Address', 'County')).toEqual({ value: '', inherited: false });
    expect(field('Communication', 'Phone No.')).toEqual({ value: '+47 55 12 34 56', inherited: true });
    expect(field('Communication', 'Mobile Phone No.')).toEqual({ value: '+47 912 34 567', inherited: false });
    expect(field('Segments and privacy', 'Minor')).toEqual({ value: 'No', inherited: false });
    // A person has no persons of its own, and a company's fields (VAT) are not among a person's.
    expect(screen.queryByRole('region', { name: 'Persons' })).toBeNull();
    expect(within(section('General')).queryByText('VAT Registration No.')).toBeNull();
  });

  test('its company opens from the card', async () => {
    const { history } = await openCard('CT0101');
    await userEvent.click(await screen.findByRole('link', { name: 'Open Fjordkraft Handel AS' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Fjordkraft Handel AS' })).toBeTruthy();
    expect(history.location.pathname).toBe('/console/contacts/CT0100');
  });
});

describe('a company’s card', () => {
  test('lists its persons, business relations and likely duplicates, each opening its contact', async () => {
    await openCard('CT0100');
    expect(await screen.findByRole('heading', { level: 1, name: 'Fjordkraft Handel AS' })).toBeTruthy();
    expect(screen.getByText('Company CT0100')).toBeTruthy();
    expect(field('General', 'VAT Registration No.')).toEqual({ value: 'NO912345678MVA', inherited: false });
    expect(field('General', 'Business Relation')).toEqual({ value: 'Customer', inherited: false });
    expect(within(section('General')).queryByText('Inherited')).toBeNull();

    const persons = await within(section('Persons')).findByRole('table', { name: 'Persons' });
    expect(within(persons).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['CT0101', 'Ingrid Solberg', 'Innkjøpssjef', 'ingrid.solberg@fjordkraft.example', '+47 55 12 34 56', '+47 912 34 567'],
    ]);
    const relations = await within(section('Business relations')).findByRole('table');
    expect(within(relations).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['CUST', 'Customer C10000'],
      ['PROS', 'Not linked'],
    ]);
    const duplicates = await within(section('Likely duplicates')).findByRole('table');
    expect(within(duplicates).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['CT0150 – Fjordkraft Handel', '9', 'Phone', 'No'],
    ]);
    expect(await within(section('Interactions')).findByText('No interactions.')).toBeTruthy();
    expect(await within(section('Opportunities')).findByText('No opportunities.')).toBeTruthy();
    expect(await within(section('Open tasks')).findByText('No open tasks.')).toBeTruthy();
    expect(await within(section('Campaigns')).findByText('No running campaign targets this contact.')).toBeTruthy();

    await userEvent.click(within(section('Persons')).getByRole('link', { name: 'Ingrid Solberg' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingrid Solberg' })).toBeTruthy();
  });

  test('shows its interactions, opportunities, open tasks and campaigns as the service lists them', async () => {
    const fake = service();
    const interaction = {
      entryNo: 7, id: 'i7', contactNo: 'CT0101', contactCompanyNo: 'CT0100', date: '2025-03-03', timeOfInteraction: '10:15', description: 'E-mail', subject: 'Quote for spring', informationFlow: 'outbound', initiatedBy: 'us',
      interactionGroupCode: '', interactionTemplateCode: '', interactionLanguageCode: '', costLcy: 0, durationMin: 0, salespersonCode: 'AL', userEmail: '', evaluation: '', attemptFailed: false, correspondenceType: '',
      canceled: false, postponed: false, emailLogged: true, internetMessageId: '<a@b>', campaignNo: 'CP0001', campaignEntryNo: 0, campaignTarget: false, campaignResponse: false, opportunityNo: '', loggedAt: '2025-03-03T10:15:00Z',
    };
    const opportunity = {
      no: 'OP0003', description: 'Spring order', contactNo: 'CT0101', contactCompanyNo: 'CT0100', salespersonCode: 'AL', campaignNo: '', salesCycleCode: 'STD', creationDate: '2025-02-01', status: 'inProgress', priority: 'normal',
      closed: false, dateClosed: null, salesDocumentType: '', salesDocumentNo: '', currentStage: 2, currentStageDescription: 'Proposal', estimatedValueLcy: 12500, calcdCurrentValueLcy: 6250, probabilityPct: 50,
      chancesOfSuccessPct: 50, completedPct: 40, estimatedCloseDate: '2025-04-30', allowedActions: [],
    };
    const task = {
      no: 'TD0009', type: 'phoneCall', description: 'Call about delivery', date: '2025-03-10', startTime: null, durationMin: 0, allDayEvent: false, location: '', status: 'notStarted', priority: 'high', closed: false, dateClosed: null,
      canceled: false, completedBy: '', salespersonCode: 'AL', teamCode: '', contactNo: 'CT0100', contactCompanyNo: 'CT0100', campaignNo: '', opportunityNo: '', segmentNo: '', recurring: false, recurringDateInterval: '', calcDueDateFrom: '',
    };
    const campaign = { no: 'CP0001', description: 'Spring fair', startingDate: '2025-03-01', endingDate: '2025-03-31', salespersonCode: 'AL', statusCode: 'ACTIVE', statusDescription: 'Active', activated: true, priceLines: [] };
    fake.override((request) => {
      if (request.path.startsWith('/api/v1/contacts/CT0100/interactions')) return json(200, { items: [interaction], next: null });
      if (request.path === '/api/v1/contacts/CT0100/opportunities') return json(200, { items: [opportunity] });
      if (request.path === '/api/v1/contacts/CT0100/tasks') return json(200, { items: [task] });
      if (request.path === '/api/v1/contacts/CT0100/campaigns') return json(200, { items: [campaign] });
      return undefined;
    });
    await openCard('CT0100', { fake });
    await screen.findByRole('region', { name: 'General' });
    const rows = async (name: string) =>
      within(await within(section(name)).findByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(await rows('Interactions')).toEqual([['Mar 3, 2025', 'Quote for spring', 'CT0101', 'Outbound', 'AL', 'CP0001']]);
    expect(await rows('Opportunities')).toEqual([['OP0003', 'Spring order', 'In progress', 'Proposal', '€12,500.00', '50%', 'Apr 30, 2025']]);
    expect(await rows('Open tasks')).toEqual([['Mar 10, 2025', 'Call about delivery', 'Phone call', 'Not started', 'High', 'AL']]);
    expect(await rows('Campaigns')).toEqual([['CP0001', 'Spring fair', 'Mar 1, 2025', 'Mar 31, 2025', 'Active']]);
    expect(fake.malformed).toEqual([]);
  });

  test('New person opens the form for a person of this company', async () => {
    const { history } = await openCard('CT0100');
    await userEvent.click(await screen.findByRole('link', { name: 'New person at this company' }));
    expect(history.location.pathname).toBe('/console/new-contact');
    expect(history.location.search).toBe('?type=person&companyNo=CT0100');
  });

  test('a list the service cannot give says so in its own section, and the rest of the card stays', async () => {
    const fake = service();
    let failures = 1;
    fake.override((request) => (request.path === '/api/v1/contacts/CT0100/business-relations' && failures-- > 0 ? problem(400, 'validation_failed', 'Refused.') : undefined));
    await openCard('CT0100', { fake });
    await screen.findByRole('region', { name: 'General' });
    expect(await within(section('Business relations')).findByText('This could not be loaded.')).toBeTruthy();
    expect(await within(section('Persons')).findByRole('table')).toBeTruthy();
    await userEvent.click(within(section('Business relations')).getByRole('button', { name: 'Try again' }));
    expect(await within(section('Business relations')).findByRole('table')).toBeTruthy();
  });

  test('a salesperson is told the pipeline shown is their own', async () => {
    await openCard('CT0100', { as: SALESPERSON.email });
    expect(await screen.findByText('You see your own opportunities and tasks; a manager sees everyone’s.')).toBeTruthy();
  });
});

test('a contact that is not there says so', async () => {
  await openCard('CT9999');
  expect(await screen.findByText('The contact could not be loaded.')).toBeTruthy();
  expect(screen.getByText('It is not there any more.')).toBeTruthy();
});
