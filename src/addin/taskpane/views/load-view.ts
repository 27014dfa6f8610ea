/**
 * Loads a view the sender card does not need for its first paint (its tabs, the compose view, the
 * choice among several senders, the campaign picker, the refused changes). All of them share one
 * chunk (`lazy-once`), fetched the first time any shows, so the Fluent parts they share are not
 * copied into several. The specifier is a template for the reason `forms/load-form.ts` gives; the
 * pane's tests replace this module.
 */
export const loadViewModule = (file: string): Promise<Record<string, unknown>> =>
  import(/* webpackInclude: /(ContactDetails|ComposeView|RecipientsView|SenderChoice|RejectionList|CampaignPicker|OpportunityPicker)\.tsx$/, webpackChunkName: "pane-views", webpackMode: "lazy-once" */ `./${file}`) as Promise<Record<string, unknown>>;
