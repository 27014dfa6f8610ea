/**
 * Contact search by number or Search Name prefix over a million contacts: `LIKE 'PREFIX%'` uses a
 * b-tree only under the C collation or with the pattern operator class, so both get one.
 */
export const contactSearch = `
CREATE INDEX contact_no_prefix ON contact (tenant_id, no text_pattern_ops);
CREATE INDEX contact_search_name_prefix ON contact (tenant_id, search_name text_pattern_ops);
`;
