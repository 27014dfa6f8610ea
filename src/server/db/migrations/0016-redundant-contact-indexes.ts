/**
 * Every contact written updates each of its indexes, and an import writes a hundred thousand at a
 * time. Two of them answered nothing another index does not: `contact_search_name_prefix` is the
 * same index as `contact_search_name` (Search Name with the pattern operator class), and
 * `contact_salesperson`, a salesperson's contacts, is the start of `contact_salesperson_no`.
 */
export const redundantContactIndexes = `
DROP INDEX contact_search_name_prefix;
DROP INDEX contact_salesperson;
`;
