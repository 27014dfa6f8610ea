import { type ComponentType, lazy } from 'react';
import type { AddContactFormProps } from './AddContactForm';
import { loadFormModule } from './load-form';
import type { LogInteractionFormProps } from './LogInteractionForm';
import type { NewOpportunityFormProps } from './NewOpportunityForm';
import type { NewTaskFormProps } from './NewTaskForm';
import type { OpportunityDialogProps } from './OpportunityDialog';

/** A form fetched the first time it shows; its props are typed here, since the chunk's module is not. */
function lazyForm<P extends object>(file: string): ComponentType<P> {
  return lazy(async () => {
    const component = (await loadFormModule(file))[file];
    if (typeof component !== 'function' && typeof component !== 'object') throw new Error(`./${file} has no ${file} export.`);
    return { default: component as ComponentType<P> };
  });
}

/** The rarely used forms: the pane's first bundle carries only what the sender card needs to paint and to log. */
export const AddContactForm = lazyForm<AddContactFormProps>('AddContactForm');
export const OpportunityDialog = lazyForm<OpportunityDialogProps>('OpportunityDialog');
export const NewOpportunityForm = lazyForm<NewOpportunityFormProps>('NewOpportunityForm');
export const NewTaskForm = lazyForm<NewTaskFormProps>('NewTaskForm');
export const LogInteractionForm = lazyForm<LogInteractionFormProps>('LogInteractionForm');
