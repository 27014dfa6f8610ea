import { z } from 'zod';
import { interactionCampaignFields } from './campaigns';
import { code, isoDate, text } from './common';

/** The opportunity an interaction is about (Interaction Log Entry's Opportunity No.). */
const interactionOpportunityField = {
  opportunityNo: code(20).optional().describe("An opportunity of the contact or of the contact's company; an e-mail links it for those of its contacts only."),
};

const mailbox = z.strictObject({ name: text(200).default(''), address: text(320).refine((value) => value.includes('@'), 'Not an e-mail address.') });

/** One e-mail to log (§10, improved): everything Outlook knows about the message. */
export const logEmailBodySchema = z
  .strictObject({
    id: z.uuid().optional().describe('Client-generated id: a retried request is the same interaction.'),
    internetMessageId: text(998).refine((value) => value !== '', 'Required.'),
    conversationId: text(512).default(''),
    subject: text(1000).default(''),
    from: mailbox,
    to: z.array(mailbox).max(500).default([]),
    cc: z.array(mailbox).max(500).default([]),
    sentAt: z.iso.datetime({ offset: true }).describe('When the message was sent (outbound) or received (inbound).'),
    bodyText: text(2000).default('').describe('An excerpt of the body, kept with the interaction; never logged.'),
    attachmentNames: z.array(text(255)).max(100).default([]),
    contactNos: z.array(code(20)).max(50).default([]).describe('Log to these contacts, whatever the addresses say.'),
    mailboxAddress: text(320)
      .refine((value) => value.includes('@'), 'Not an e-mail address.')
      .optional()
      .describe(
        "The mailbox the message is in when it is not the signed-in user's own: a shared mailbox (sales@) or one the user is a delegate of, by its owner's address. Direction is then judged against it, and the interactions are the user's. Absent for the user's own mailbox (and from clients that predate it).",
      ),
    ...interactionCampaignFields,
    ...interactionOpportunityField,
  })
  .meta({ id: 'LogEmail' });

export const interactionSchema = z
  .object({
    entryNo: z.number().int(),
    id: z.string(),
    contactNo: z.string(),
    contactCompanyNo: z.string(),
    date: z.string(),
    timeOfInteraction: z.string(),
    description: z.string(),
    subject: z.string(),
    informationFlow: z.enum(['', 'outbound', 'inbound']),
    initiatedBy: z.enum(['', 'us', 'them']),
    interactionGroupCode: z.string(),
    interactionTemplateCode: z.string(),
    interactionLanguageCode: z.string(),
    costLcy: z.number(),
    durationMin: z.number(),
    salespersonCode: z.string(),
    userEmail: z.string(),
    evaluation: z.string(),
    attemptFailed: z.boolean(),
    correspondenceType: z.string(),
    canceled: z.boolean(),
    postponed: z.boolean(),
    emailLogged: z.boolean(),
    internetMessageId: z.string(),
    campaignNo: z.string(),
    campaignEntryNo: z.number(),
    campaignTarget: z.boolean(),
    campaignResponse: z.boolean(),
    opportunityNo: z.string(),
    loggedAt: z.string(),
    mailboxAddress: z
      .string()
      .default('')
      .describe("The shared or delegated mailbox the e-mail was logged from, by its owner's address; empty when it was logged from the user's own mailbox (and from services that predate it)."),
  })
  .meta({ id: 'Interaction' });

export const logEmailReplySchema = z.object({
  interactions: z.array(interactionSchema.extend({ alreadyLogged: z.boolean().describe('Logged earlier, by anyone: nothing new was written.') })),
  unmatchedAddresses: z.array(z.string()).describe('Addresses that are no contact and no salesperson: offer to add them.'),
  ambiguousAddresses: z.array(z.object({ address: z.string(), contactNos: z.array(z.string()) })),
});

export const evaluationSchema = z.enum(['', 'veryPositive', 'positive', 'neutral', 'negative', 'veryNegative']);

/** A phone call, meeting or any other interaction from a template (§5.4 "Create Interaction"). */
export const logInteractionBodySchema = z
  .strictObject({
    id: z.uuid().optional(),
    contactNo: code(20).refine((value) => value !== '', 'Required.'),
    kind: z.enum(['phoneCall', 'meeting', 'template']).describe('phoneCall and meeting use the templates of Interaction Template Setup.'),
    templateCode: code(10).optional(),
    date: isoDate,
    time: z.iso.time().default('00:00:00'),
    description: text(100).default(''),
    informationFlow: z.enum(['outbound', 'inbound']).optional(),
    initiatedBy: z.enum(['us', 'them']).optional(),
    evaluation: evaluationSchema.default(''),
    interactionSuccessful: z.boolean().default(true),
    durationMin: z.number().min(0).max(100000).optional(),
    costLcy: z.number().min(0).max(1e12).optional(),
    ...interactionCampaignFields,
    ...interactionOpportunityField,
  })
  .meta({ id: 'LogInteraction' });

export const loggedQuerySchema = z.strictObject({ internetMessageId: text(998).refine((value) => value !== '', 'Required.') });

export const loggedReplySchema = z.object({
  logged: z.boolean().describe('Logged for at least one contact and not canceled.'),
  interactions: z.array(interactionSchema),
});

export const entryNoParams = z.strictObject({ entryNo: z.coerce.number().int().min(1) });

/** `GET /interactions/export`: the interaction log entries of a date range, both ends included. */
export const interactionExportQuerySchema = z
  .strictObject({
    from: isoDate.describe('The first date, included.'),
    to: isoDate.describe('The last date, included.'),
    contactNo: code(20).optional().describe("Only this contact's entries."),
    campaignNo: code(20).optional(),
    salespersonCode: code(20).optional(),
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'Must not be before from.' });
