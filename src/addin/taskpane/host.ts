import { officeGlobal } from '../office/office-global';
import type { MailHost } from '../office/mail-host';
import { createOfficeMailHost } from '../office/office-mail-host';

/** The MailHost over the page's Office global (Outlook's, or the preview's stand-in); null in a page with neither. */
export function createMailHost(): MailHost | null {
  const office = officeGlobal();
  return office === null ? null : createOfficeMailHost(office);
}
