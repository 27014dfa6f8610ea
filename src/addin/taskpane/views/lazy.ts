import { type ComponentType, lazy } from 'react';
import type { CampaignPickerProps } from './CampaignPicker';
import type { ComposeViewProps } from './ComposeView';
import type { ContactDetailsProps } from './ContactDetails';
import { loadViewModule } from './load-view';
import type { RecipientsViewProps } from './RecipientsView';
import type { RejectionListProps } from './RejectionList';
import type { SenderChoiceProps } from './SenderChoice';

/** A view fetched the first time it shows; its props are typed here, since the chunk's module is not. */
function lazyView<P extends object>(file: string): ComponentType<P> {
  return lazy(async () => {
    const component = (await loadViewModule(file))[file];
    if (typeof component !== 'function' && typeof component !== 'object') throw new Error(`./${file} has no ${file} export.`);
    return { default: component as ComponentType<P> };
  });
}

export const ContactDetails = lazyView<ContactDetailsProps>('ContactDetails');
export const ComposeView = lazyView<ComposeViewProps>('ComposeView');
export const RecipientsView = lazyView<RecipientsViewProps>('RecipientsView');
export const SenderChoice = lazyView<SenderChoiceProps>('SenderChoice');
export const RejectionList = lazyView<RejectionListProps>('RejectionList');
export const CampaignPicker = lazyView<CampaignPickerProps>('CampaignPicker');
