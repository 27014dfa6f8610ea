/**
 * Interaction Template Setup (§5.3): which interaction template records which kind of event.
 * '' means "not logged". Rapport's add-in uses `emails`, `outgCalls` and `meetingInvitation`; the
 * document fields are kept for the sales documents the service may log later.
 */
export const INTERACTION_TEMPLATE_SETUP_FIELDS = [
  'emails',
  'emailDraft',
  'coverSheets',
  'outgCalls',
  'meetingInvitation',
  'salesInvoices',
  'salesCrMemo',
  'salesOrdCnfrmn',
  'salesQuotes',
  'salesBlnktOrd',
  'salesShptNote',
  'salesStatement',
  'salesRmdr',
  'salesReturnOrder',
  'salesReturnRcpt',
  'salesFinanceChargeMemo',
  'salesDraftInvoices',
  'purchInvoices',
  'purchCrMemos',
  'purchOrders',
  'purchQuotes',
  'purchBlnktOrd',
  'purchRcpt',
  'purchReturnShipment',
  'purchReturnOrdCnfrmn',
] as const;

export type InteractionTemplateSetupField = (typeof INTERACTION_TEMPLATE_SETUP_FIELDS)[number];
export type InteractionTemplateSetup = Record<InteractionTemplateSetupField, string>;

export type InformationFlow = '' | 'outbound' | 'inbound';
export type InitiatedBy = '' | 'us' | 'them';

export type InteractionTemplate = {
  code: string;
  interactionGroupCode: string;
  description: string;
  unitCost: number;
  unitDurationMin: number;
  informationFlow: InformationFlow;
  initiatedBy: InitiatedBy;
  campaignNo: string;
  campaignTarget: boolean;
  campaignResponse: boolean;
  correspondenceType: '' | 'hardCopy' | 'email';
  ignoreContactCorresType: boolean;
  languageCode: string;
  wizardAction: '' | 'open' | 'import' | 'merge';
};
