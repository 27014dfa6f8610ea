import { lazyComponent } from '../lazy-component';
import type { AddContactFormProps } from './AddContactForm';
import { loadFormModule } from './load-form';
import type { LogInteractionFormProps } from './LogInteractionForm';
import type { NewOpportunityFormProps } from './NewOpportunityForm';
import type { NewTaskFormProps } from './NewTaskForm';
import type { OpportunityDialogProps } from './OpportunityDialog';

/** A form fetched the first time it shows; its props are typed here, since the chunk's module is not. */
const lazyForm = <P extends object>(file: string) => lazyComponent<P>(() => loadFormModule(file), file);

/** The rarely used forms: the pane's first bundle carries only what the sender card needs to paint and to log. */
export const AddContactForm = lazyForm<AddContactFormProps>('AddContactForm');
export const OpportunityDialog = lazyForm<OpportunityDialogProps>('OpportunityDialog');
export const NewOpportunityForm = lazyForm<NewOpportunityFormProps>('NewOpportunityForm');
export const NewTaskForm = lazyForm<NewTaskFormProps>('NewTaskForm');
export const LogInteractionForm = lazyForm<LogInteractionFormProps>('LogInteractionForm');
