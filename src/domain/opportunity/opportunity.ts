/**
 * Opportunity (§8.1) and Opportunity Entry (§8.3). Dates are ISO `YYYY-MM-DD`; codes and numbers
 * are blank (''), never null, like Business Central's; percentages are 0..100 and amounts are in
 * LCY (the company's currency).
 */

/** Read-only on the opportunity: it follows the Action Taken of each new entry (§8.3). */
export type OpportunityStatus = 'notStarted' | 'inProgress' | 'won' | 'lost';

export type OpportunityPriority = 'low' | 'normal' | 'high';

/** The one sales document an opportunity may point at (§8.1); '' when none. */
export type OpportunitySalesDocumentType = '' | 'quote' | 'order' | 'postedInvoice';

/**
 * What an entry records (§8.3). '' is the first stage's entry; Updated stays on a stage; Jumped
 * is a Skip or Jump that did not land on the immediate next or previous stage.
 */
export type ActionTaken = '' | 'next' | 'previous' | 'updated' | 'jumped' | 'won' | 'lost';

export type Opportunity = {
  no: string;
  description: string;
  contactNo: string;
  contactCompanyNo: string;
  salespersonCode: string;
  campaignNo: string;
  segmentNo: string;
  salesCycleCode: string;
  creationDate: string;
  status: OpportunityStatus;
  priority: OpportunityPriority;
  closed: boolean;
  dateClosed: string | null;
  salesDocumentType: OpportunitySalesDocumentType;
  salesDocumentNo: string;
};

/**
 * One stage move of an opportunity (§8.3). Exactly one entry per opportunity is Active: the
 * opportunity's current stage and estimates (its FlowFields) are read from it.
 */
export type OpportunityEntry = {
  entryNo: number;
  opportunityNo: string;
  salesCycleCode: string;
  /** The stage entered; 0 on a Won/Lost entry, which, as in Business Central, is at no stage. */
  salesCycleStage: number;
  /** The stage of the entry that was active before this one; 0 for the first entry. */
  previousSalesCycleStage: number;
  dateOfChange: string;
  active: boolean;
  dateClosed: string | null;
  /** Set when the entry is deactivated: the next entry's Date of Change − this one's, in days. */
  daysOpen: number;
  actionTaken: ActionTaken;
  estimatedValueLcy: number;
  calcdCurrentValueLcy: number;
  completedPct: number;
  chancesOfSuccessPct: number;
  probabilityPct: number;
  estimatedCloseDate: string | null;
  /** '' unless the entry closes the opportunity (Won/Lost). */
  closeOpportunityCode: string;
};

/**
 * Whether an interaction with `contact` may name `opportunity`: it is the opportunity's contact, or
 * a contact of the opportunity's company (the company itself among them).
 */
export function opportunityConcerns(opportunity: Pick<Opportunity, 'contactNo' | 'contactCompanyNo'>, contact: { no: string; companyNo: string }): boolean {
  return contact.no === opportunity.contactNo || (opportunity.contactCompanyNo !== '' && contact.companyNo === opportunity.contactCompanyNo);
}
