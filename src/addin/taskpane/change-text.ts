import type { SyncMutationArgs, SyncMutationName } from '../../contract/sync';
import type { RejectedChange } from '../cache/repositories';
import type { MessageKey, Translate } from '../i18n/catalogue';

type ReasonKey = Extract<MessageKey, `rejection.${string}`>;

const REASONS: Readonly<Record<string, ReasonKey>> = {
  likely_duplicate: 'rejection.likely_duplicate',
  email_not_logged: 'rejection.email_not_logged',
  validation_failed: 'rejection.validation_failed',
  not_found: 'rejection.not_found',
  conflict: 'rejection.conflict',
  already_exists: 'rejection.conflict',
  forbidden: 'rejection.forbidden',
  opportunity_action_not_allowed: 'rejection.opportunity_action_not_allowed',
  opportunity_quote_required: 'rejection.opportunity_quote_required',
  opportunity_invalid_values: 'rejection.opportunity_invalid_values',
  opportunity_closed: 'rejection.opportunity_closed',
  salesperson_blocked: 'rejection.salesperson_blocked',
  interaction_template_missing: 'rejection.interaction_template_missing',
  contact_company_invalid: 'rejection.contact_company_invalid',
};

/** Why the service refused a change, in the user's words: by its stable code, never by its English message. */
export function rejectionReason(code: string, t: Translate): string {
  if (code.startsWith('number_series') || code === 'manual_numbers_not_allowed') return t('rejection.number_series');
  const key = REASONS[code];
  return key === undefined ? t('rejection.other') : t(key);
}

type Args<N extends SyncMutationName> = SyncMutationArgs<N>;

/** What a queued change does, in a few words ("New contact Anna Berg"). */
export function describeChange(change: Pick<RejectedChange, 'name' | 'args'>, t: Translate): string {
  switch (change.name) {
    case 'logEmail':
      return t('mutation.logEmail', { subject: (change.args as Args<'logEmail'>).subject ?? '' });
    case 'logInteraction':
      return t('mutation.logInteraction');
    case 'cancelInteraction':
      return t('mutation.cancelInteraction');
    case 'createContact': {
      const { contact } = change.args as Args<'createContact'>;
      return t('mutation.createContact', { name: contact.name ?? [contact.firstName, contact.surname].filter(Boolean).join(' ') });
    }
    case 'updateContact':
      return t('mutation.updateContact', { no: (change.args as Args<'updateContact'>).no });
    case 'createOpportunity':
      return t('mutation.createOpportunity', { description: (change.args as Args<'createOpportunity'>).opportunity.description });
    case 'updateOpportunity':
      return t('mutation.updateOpportunity', { no: (change.args as Args<'updateOpportunity'>).no });
    case 'closeOpportunity':
      return t('mutation.closeOpportunity', { no: (change.args as Args<'closeOpportunity'>).no });
    case 'createTask':
      return t('mutation.createTask', { description: (change.args as Args<'createTask'>).task.description });
    case 'closeTask':
      return t('mutation.closeTask', { no: (change.args as Args<'closeTask'>).no });
  }
}
