/**
 * The contact list's filters over a million contacts: each is an equality indexed together with
 * the number, so a filtered page is read in number order from its keyset onwards instead of
 * walking the whole table for a rare value. The city matches in any letter case. A business
 * relation is held by a contact's company, or by the contact itself when it has none (see
 * `RELATION_HOLDER` in the contact repository); the relations are found by code. The interaction
 * export reads a date range page by page in date and entry number order.
 */
export const contactFilters = `
CREATE INDEX contact_salesperson_no ON contact (tenant_id, salesperson_code, no);
CREATE INDEX contact_territory_no ON contact (tenant_id, territory_code, no);
CREATE INDEX contact_country_region_no ON contact (tenant_id, country_region_code, no);
CREATE INDEX contact_city_no ON contact (tenant_id, lower(city), no);
CREATE INDEX contact_relation_holder ON contact (tenant_id, (CASE WHEN company_no <> '' THEN company_no ELSE no END), no);
CREATE INDEX contact_business_relation_code ON contact_business_relation (tenant_id, business_relation_code, contact_no);
CREATE INDEX interaction_log_entry_date ON interaction_log_entry (tenant_id, date, entry_no);
`;
