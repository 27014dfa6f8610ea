import { lazyComponent } from '../lazy-component';
import type { CampaignPickerProps } from './CampaignPicker';
import type { ComposeViewProps } from './ComposeView';
import type { ContactDetailsProps } from './ContactDetails';
import { loadViewModule } from './load-view';
import type { OpportunityPickerProps } from './OpportunityPicker';
import type { RecipientsViewProps } from './RecipientsView';
import type { RejectionListProps } from './RejectionList';
import type { SenderChoiceProps } from './SenderChoice';

/** A view fetched the first time it shows; its props are typed here, since the chunk's module is not. */
const lazyView = <P extends object>(file: string) => lazyComponent<P>(() => loadViewModule(file), file);

export const ContactDetails = lazyView<ContactDetailsProps>('ContactDetails');
export const ComposeView = lazyView<ComposeViewProps>('ComposeView');
export const RecipientsView = lazyView<RecipientsViewProps>('RecipientsView');
export const SenderChoice = lazyView<SenderChoiceProps>('SenderChoice');
export const RejectionList = lazyView<RejectionListProps>('RejectionList');
export const CampaignPicker = lazyView<CampaignPickerProps>('CampaignPicker');
export const OpportunityPicker = lazyView<OpportunityPickerProps>('OpportunityPicker');
