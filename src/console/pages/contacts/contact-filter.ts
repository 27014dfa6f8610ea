/**
 * The contact list's search and filters as the address keeps them (`/console/contacts?city=Oslo`),
 * so that a filtered list can be linked to, reloaded and left with Back. Each is a filter of
 * `GET /contacts` and `GET /contacts/export` by the same name.
 */
export type ContactFilter = {
  q?: string;
  type?: 'company' | 'person';
  companyNo?: string;
  salespersonCode?: string;
  territoryCode?: string;
  businessRelationCode?: string;
  city?: string;
  countryRegionCode?: string;
};

export type ContactFilterKey = keyof ContactFilter;

/** The filters in the order the page shows them and the address lists them. */
export const CONTACT_FILTER_KEYS: readonly ContactFilterKey[] = ['q', 'type', 'companyNo', 'salespersonCode', 'territoryCode', 'businessRelationCode', 'city', 'countryRegionCode'];

/** The longest value each filter takes (the API's limits), so that an address cannot ask for a refused list. */
const MAX_LENGTH: Readonly<Record<ContactFilterKey, number>> = {
  q: 100,
  type: 7,
  companyNo: 20,
  salespersonCode: 20,
  territoryCode: 10,
  businessRelationCode: 10,
  city: 30,
  countryRegionCode: 10,
};

/**
 * The filter an address's search parameters name: blank and unknown ones left out, a type other
 * than company or person ignored, values trimmed. Numbers typed in the address (`?companyNo=10000`)
 * arrive parsed by the router and count as their text.
 */
export function parseContactFilter(search: Record<string, unknown>): ContactFilter {
  const filter: ContactFilter = {};
  for (const key of CONTACT_FILTER_KEYS) {
    const raw = search[key];
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const value = String(raw).trim();
    if (value === '' || value.length > MAX_LENGTH[key]) continue;
    if (key === 'type') {
      if (value === 'company' || value === 'person') filter.type = value;
    } else {
      filter[key] = value;
    }
  }
  return filter;
}

/** The filter with one value changed; a blank value removes it. */
export function withFilter(filter: ContactFilter, key: ContactFilterKey, value: string): ContactFilter {
  return parseContactFilter({ ...filter, [key]: value });
}

/** Whether any filter or search is set. */
export const isFiltered = (filter: ContactFilter): boolean => CONTACT_FILTER_KEYS.some((key) => filter[key] !== undefined);

/** The filter as the query of `GET /contacts` and `GET /contacts/export` (`q=nord&city=Oslo`), in a fixed order. */
export function contactFilterQuery(filter: ContactFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of CONTACT_FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined) params.set(key, value);
  }
  return params;
}
