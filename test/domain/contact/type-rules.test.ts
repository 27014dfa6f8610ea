import { blankContact } from '../../../src/domain/contact/blank-contact';
import type { Contact } from '../../../src/domain/contact/contact';
import { checkContactDelete, checkTypeChange, type DeleteFacts, type TypeChangeFacts } from '../../../src/domain/contact/type-rules';
import { rapportErrorOf } from '../rapport-error';

const noFacts: TypeChangeFacts = {
  interactionCount: 0,
  taskCount: 0,
  opportunityCount: 0,
  linkedPersonCount: 0,
  businessRelationCount: 0,
  industryGroupCount: 0,
  jobResponsibilityCount: 0,
};
const company = (fields: Partial<Contact> = {}): Contact => ({ ...blankContact('CT000010', 'company'), name: 'Contoso AB', companyNo: 'CT000010', ...fields });
const person = (fields: Partial<Contact> = {}): Contact => ({ ...blankContact('CT000020', 'person'), name: 'Anna Lind', ...fields });

describe('checkTypeChange (§2.4)', () => {
  test.each<[string, Contact, 'company' | 'person']>([
    ['a company without history, persons or relations may become a person', company(), 'person'],
    ['a person without history may become a company', person({ jobTitle: 'Owner' }), 'company'],
    ['keeping the type is always allowed', company({ currencyCode: 'EUR' }), 'company'],
  ])('%s', (_title, contact, toType) => {
    expect(() => checkTypeChange(contact, toType, noFacts)).not.toThrow();
  });

  test('keeping the type is allowed whatever hangs on the contact', () => {
    expect(() => checkTypeChange(person(), 'person', { ...noFacts, interactionCount: 3, taskCount: 1 })).not.toThrow();
  });

  test.each<[string, Contact, 'company' | 'person', Partial<TypeChangeFacts>, string, string]>([
    ['interaction log entries block any change', person(), 'company', { interactionCount: 2 }, 'interactions', 'Type cannot be changed because one or more interaction log entries are linked to the contact.'],
    ['tasks block any change', company(), 'person', { taskCount: 1 }, 'tasks', 'Type cannot be changed because one or more tasks are linked to the contact.'],
    ['opportunities block any change', person(), 'company', { opportunityCount: 1 }, 'opportunities', 'Type cannot be changed because one or more opportunities are linked to the contact.'],
    ['linked persons keep a company a company', company(), 'person', { linkedPersonCount: 3 }, 'linkedPersons', 'Type cannot be changed because there are one or more related people linked to the contact.'],
    ['business relations keep a company a company', company(), 'person', { businessRelationCount: 1 }, 'businessRelations', "No. of Business Relations must be equal to '0' in Contact: No.=CT000010. Current value is '1'."],
    ['industry groups keep a company a company', company(), 'person', { industryGroupCount: 2 }, 'industryGroups', "No. of Industry Groups must be equal to '0' in Contact: No.=CT000010. Current value is '2'."],
    ['job responsibilities keep a person a person', person(), 'company', { jobResponsibilityCount: 1 }, 'jobResponsibilities', "No. of Job Responsibilities must be equal to '0' in Contact: No.=CT000020. Current value is '1'."],
  ])('%s', (_title, contact, toType, facts, reason, message) => {
    const error = rapportErrorOf(() => checkTypeChange(contact, toType, { ...noFacts, ...facts }));
    expect(error).toMatchObject({ code: 'contact_type_change_refused', message, details: { contactNo: contact.no, reason }, fields: [{ path: 'type' }] });
  });

  test.each<[string, Contact, 'company' | 'person', string, string]>([
    ['a Currency Code keeps a company a company', company({ currencyCode: 'EUR' }), 'person', 'currencyCode', "Currency Code must be equal to '' in Contact: No.=CT000010. Current value is 'EUR'."],
    ['a VAT Registration No. keeps a company a company', company({ vatRegistrationNo: 'SE556000000001' }), 'person', 'vatRegistrationNo', "VAT Registration No. must be equal to '' in Contact: No.=CT000010. Current value is 'SE556000000001'."],
    ['an Organizational Level Code keeps a person a person', person({ organizationalLevelCode: 'MGMT' }), 'company', 'organizationalLevelCode', "Organizational Level Code must be equal to '' in Contact: No.=CT000020. Current value is 'MGMT'."],
  ])('%s', (_title, contact, toType, reason, message) => {
    expect(rapportErrorOf(() => checkTypeChange(contact, toType, noFacts))).toMatchObject({ code: 'contact_type_change_refused', message, details: { reason } });
  });

  test.each<[string, Contact, 'company' | 'person', Partial<TypeChangeFacts>]>([
    ['linked persons do not matter to a person becoming a company', person(), 'company', { linkedPersonCount: 1, businessRelationCount: 1, industryGroupCount: 1 }],
    ['job responsibilities do not matter to a company becoming a person', company(), 'person', { jobResponsibilityCount: 1 }],
  ])('%s', (_title, contact, toType, facts) => {
    expect(() => checkTypeChange(contact, toType, { ...noFacts, ...facts })).not.toThrow();
  });

  test('history is reported before anything else, in Business Central’s order', () => {
    const everything: TypeChangeFacts = { interactionCount: 1, taskCount: 1, opportunityCount: 1, linkedPersonCount: 1, businessRelationCount: 1, industryGroupCount: 1, jobResponsibilityCount: 1 };
    expect(rapportErrorOf(() => checkTypeChange(company({ currencyCode: 'EUR' }), 'person', everything)).details).toMatchObject({ reason: 'interactions' });
    expect(rapportErrorOf(() => checkTypeChange(company(), 'person', { ...everything, interactionCount: 0, taskCount: 0, opportunityCount: 0 })).details).toMatchObject({
      reason: 'linkedPersons',
    });
  });
});

describe('checkContactDelete (§2.4)', () => {
  const clean: DeleteFacts = { openTaskCount: 0, unloggedSegmentLineCount: 0, activeOpportunityCount: 0 };

  test('a contact with nothing open may be deleted', () => {
    expect(() => checkContactDelete(person(), clean)).not.toThrow();
  });

  test.each<[string, Partial<DeleteFacts>, string, string]>([
    ['open tasks', { openTaskCount: 1 }, 'openTasks', 'You cannot delete contact CT000020 because there are one or more tasks open.'],
    ['an unlogged segment', { unloggedSegmentLineCount: 2 }, 'unloggedSegments', 'You cannot delete contact CT000020 because the contact is assigned one or more unlogged segments.'],
    ['opportunities not started or in progress', { activeOpportunityCount: 1 }, 'activeOpportunities', 'You cannot delete contact CT000020 because one or more opportunities are not started or in progress.'],
  ])('a contact with %s is not deleted', (_title, facts, reason, message) => {
    expect(rapportErrorOf(() => checkContactDelete(person(), { ...clean, ...facts }))).toMatchObject({
      code: 'contact_delete_refused',
      message,
      details: { contactNo: 'CT000020', reason },
    });
  });

  test('open tasks are reported first, as Business Central checks them first', () => {
    expect(rapportErrorOf(() => checkContactDelete(company(), { openTaskCount: 1, unloggedSegmentLineCount: 1, activeOpportunityCount: 1 })).details).toMatchObject({
      reason: 'openTasks',
    });
  });
});
