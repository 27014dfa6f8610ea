import { RapportError } from '../errors';
import type { Contact, ContactType } from './contact';

/**
 * What the server counts before a type change (§2.4). Counts follow Business Central's filters:
 * history of the contact itself (Contact Company No. + Contact No.), persons whose Company No. is
 * the contact, business relations and industry groups of the company, job responsibilities of the
 * person.
 */
export type TypeChangeFacts = {
  interactionCount: number;
  taskCount: number;
  opportunityCount: number;
  linkedPersonCount: number;
  businessRelationCount: number;
  industryGroupCount: number;
  jobResponsibilityCount: number;
};

/** What the server counts before a delete (§2.4): open tasks, unlogged segment lines, opportunities Not Started / In Progress. */
export type DeleteFacts = { openTaskCount: number; unloggedSegmentLineCount: number; activeOpportunityCount: number };

/** Why a type change was refused: a stable key the task pane translates. */
export type TypeChangeRefusal =
  | 'interactions'
  | 'tasks'
  | 'opportunities'
  | 'linkedPersons'
  | 'businessRelations'
  | 'industryGroups'
  | 'currencyCode'
  | 'vatRegistrationNo'
  | 'organizationalLevelCode'
  | 'jobResponsibilities';

/** Why a delete was refused: a stable key the task pane translates. */
export type DeleteRefusal = 'openTasks' | 'unloggedSegments' | 'activeOpportunities';

const refuseTypeChange = (contact: Contact, reason: TypeChangeRefusal, message: string): RapportError =>
  new RapportError('contact_type_change_refused', message, {
    fields: [{ path: 'type', message }],
    details: { contactNo: contact.no, reason },
  });

// Business Central's TestField wording: "<Field> must be equal to '<value>' in Contact: No.=<no>. Current value is '<current>'."
const mustBe = (contact: Contact, caption: string, expected: string, current: string | number): string =>
  `${caption} must be equal to '${expected}' in Contact: No.=${contact.no}. Current value is '${current}'.`;

/**
 * Whether contact `from` may change to `toType` (§2.4, Contact.TypeChange); returns when it may
 * (or when the type does not change), throws `contact_type_change_refused` with Business Central's
 * message and a `details.reason` key otherwise. Checked in Business Central's order:
 * - any change: no interaction log entries, tasks or opportunities;
 * - company → person: no persons linked to it, no business relations, no industry groups, no
 *   Currency Code, no VAT Registration No.;
 * - person → company: no Organizational Level Code, no job responsibilities.
 */
export function checkTypeChange(from: Contact, toType: ContactType, facts: TypeChangeFacts): void {
  if (from.type === toType) return;
  const cannotChange = (what: string) => `Type cannot be changed because ${what} linked to the contact.`;
  if (facts.interactionCount > 0) throw refuseTypeChange(from, 'interactions', cannotChange('one or more interaction log entries are'));
  if (facts.taskCount > 0) throw refuseTypeChange(from, 'tasks', cannotChange('one or more tasks are'));
  if (facts.opportunityCount > 0) throw refuseTypeChange(from, 'opportunities', cannotChange('one or more opportunities are'));
  if (toType === 'person') {
    if (facts.linkedPersonCount > 0) throw refuseTypeChange(from, 'linkedPersons', cannotChange('there are one or more related people'));
    if (facts.businessRelationCount > 0) {
      throw refuseTypeChange(from, 'businessRelations', mustBe(from, 'No. of Business Relations', '0', facts.businessRelationCount));
    }
    if (facts.industryGroupCount > 0) throw refuseTypeChange(from, 'industryGroups', mustBe(from, 'No. of Industry Groups', '0', facts.industryGroupCount));
    if (from.currencyCode !== '') throw refuseTypeChange(from, 'currencyCode', mustBe(from, 'Currency Code', '', from.currencyCode));
    if (from.vatRegistrationNo !== '') throw refuseTypeChange(from, 'vatRegistrationNo', mustBe(from, 'VAT Registration No.', '', from.vatRegistrationNo));
  } else {
    if (from.organizationalLevelCode !== '') {
      throw refuseTypeChange(from, 'organizationalLevelCode', mustBe(from, 'Organizational Level Code', '', from.organizationalLevelCode));
    }
    if (facts.jobResponsibilityCount > 0) {
      throw refuseTypeChange(from, 'jobResponsibilities', mustBe(from, 'No. of Job Responsibilities', '0', facts.jobResponsibilityCount));
    }
  }
}

/**
 * Whether `contact` may be deleted (§2.4, Contact.OnDelete); returns when it may, throws
 * `contact_delete_refused` with Business Central's message and a `details.reason` key otherwise:
 * open tasks, unlogged segment lines, or opportunities Not Started / In Progress. For a company
 * the caller checks each of its persons too, since they are deleted with it.
 */
export function checkContactDelete(contact: Contact, facts: DeleteFacts): void {
  const refuse = (reason: DeleteRefusal, because: string) =>
    new RapportError('contact_delete_refused', `You cannot delete contact ${contact.no} because ${because}.`, {
      details: { contactNo: contact.no, reason },
    });
  if (facts.openTaskCount > 0) throw refuse('openTasks', 'there are one or more tasks open');
  if (facts.unloggedSegmentLineCount > 0) throw refuse('unloggedSegments', 'the contact is assigned one or more unlogged segments');
  if (facts.activeOpportunityCount > 0) throw refuse('activeOpportunities', 'one or more opportunities are not started or in progress');
}
