/**
 * The key an e-mail address is matched on (Search E-Mail, §2.1, §10): without surrounding spaces,
 * in Unicode normal form C and lower-cased. Business Central upper-cases instead; either way the
 * match ignores case. NFC makes an address typed with composed letters (`ü`) match the same
 * address typed with combining marks (`u` + `¨`), as macOS input can produce.
 *
 * Nothing else is folded: plus addressing (`anna+crm@…`) and dots in the local part are kept,
 * because whether they reach the same mailbox is the receiving server's business, not ours.
 */
export const normalizeEmail = (address: string): string => address.trim().normalize('NFC').toLowerCase();

/**
 * The domain of an address as matching uses it (normalised like {@link normalizeEmail}): what
 * follows the last `@`. '' when the address has no `@`.
 */
export function emailDomain(address: string): string {
  const normalized = normalizeEmail(address);
  const at = normalized.lastIndexOf('@');
  return at < 0 ? '' : normalized.slice(at + 1);
}
