/**
 * A contact's duplicate search strings move into one array per contact under a GIN index.
 *
 * One row per string cost each contact seven to sixteen heap rows, two b-tree entries each (the
 * primary key and the `(field, part, search_string)` lookup, its entries landing at random places
 * of a large tree) and a foreign-key check each: writing the 70,000 strings of 5,000 contacts took
 * longer than writing the contacts. As one array per contact it is one row, one key and one
 * foreign-key check per contact, and the GIN index keeps each string's holders as a compressed
 * list. Each string is stored as `field:part:STRING` (the string never holds a colon).
 *
 * The index takes its entries at once (`fastupdate` off): a pending list would be read whole by
 * every search, and the duplicate search reads the index once per string it ranks.
 *
 * The search ranks a string's rarity by the table's statistics of its most common strings (the
 * GIN index counts a common string's holders only by reading its whole list), so the table is
 * analyzed once filled.
 *
 * `contact_duplicate_search_string` stays as a view with the old rows' shape, for reading.
 */
export const duplicateStringArrays = `
CREATE TABLE contact_duplicate_strings (
  tenant_id text NOT NULL,
  contact_no text NOT NULL,
  strings text[] NOT NULL,
  PRIMARY KEY (tenant_id, contact_no),
  FOREIGN KEY (tenant_id, contact_no) REFERENCES contact (tenant_id, no) ON DELETE CASCADE
);

INSERT INTO contact_duplicate_strings (tenant_id, contact_no, strings)
SELECT tenant_id, contact_no, array_agg(field || ':' || part || ':' || search_string ORDER BY field, part)
  FROM contact_duplicate_search_string GROUP BY tenant_id, contact_no;

CREATE INDEX contact_duplicate_strings_holders ON contact_duplicate_strings USING gin (strings) WITH (fastupdate = off);
ANALYZE contact_duplicate_strings;

DROP TABLE contact_duplicate_search_string;

CREATE VIEW contact_duplicate_search_string AS
SELECT s.tenant_id, s.contact_no, split_part(k.key, ':', 1) AS field, split_part(k.key, ':', 2) AS part,
       substr(k.key, length(split_part(k.key, ':', 1)) + length(split_part(k.key, ':', 2)) + 3) AS search_string
  FROM contact_duplicate_strings s CROSS JOIN LATERAL unnest(s.strings) AS k(key);
`;
