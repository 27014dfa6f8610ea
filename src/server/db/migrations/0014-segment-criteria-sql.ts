/**
 * Segment criteria actions run in SQL over a million contacts (§6.2).
 *
 * The criteria history leaves the header's JSON: one row per action (what was asked) and one per
 * line it added or removed, so Go Back at that scale reads and writes sets instead of arrays of a
 * million contact numbers. Existing histories move over as they are (`seq` keeps each list's order).
 * Neither these lines nor the segment's lines check a foreign key per row (it cost more than the
 * insert itself); triggers delete them with their action and their segment.
 *
 * Lines keep their number from now on (a new line follows the last one by 10,000, as in Business
 * Central), so a keyset page of lines stays valid while the segment changes; a segment of more
 * than 214,748 lines needs the numbers in bigint.
 *
 * Indexes: a contact's lines by segment (is a contact on the segment, which of its lines is the
 * last; it replaces the index on the contact alone), contacts by code list and code, and companies
 * by business relation, so a criterion on a mailing group or an industry group can start from its
 * members.
 */
export const segmentCriteriaSql = `
CREATE TABLE segment_criteria_action (
  tenant_id text NOT NULL,
  segment_no text NOT NULL,
  action_no integer NOT NULL,
  kind text NOT NULL,
  criteria jsonb NOT NULL,
  options jsonb NOT NULL,
  PRIMARY KEY (tenant_id, segment_no, action_no),
  FOREIGN KEY (tenant_id, segment_no) REFERENCES segment_header (tenant_id, no) ON DELETE CASCADE
);

-- change: 'added' (seq is the line number it got) or 'removed' (seq is the line number it had).
-- No foreign key: checking one for each of a hundred thousand lines an action writes costs more
-- than writing them. The lines go with their action (trigger below), and only the segment's
-- service, holding the segment locked, writes them.
CREATE TABLE segment_criteria_action_line (
  tenant_id text NOT NULL,
  segment_no text NOT NULL,
  action_no integer NOT NULL,
  change text NOT NULL,
  seq bigint NOT NULL,
  contact_no text NOT NULL,
  PRIMARY KEY (tenant_id, segment_no, action_no, change, seq)
);

CREATE FUNCTION segment_criteria_action_delete_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM segment_criteria_action_line l USING (SELECT DISTINCT tenant_id, segment_no, action_no FROM gone) g
   WHERE l.tenant_id = g.tenant_id AND l.segment_no = g.segment_no AND l.action_no = g.action_no;
  RETURN NULL;
END
$$;
CREATE TRIGGER segment_criteria_action_delete_lines AFTER DELETE ON segment_criteria_action
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION segment_criteria_action_delete_lines();

INSERT INTO segment_criteria_action (tenant_id, segment_no, action_no, kind, criteria, options)
SELECT h.tenant_id, h.no, a.ordinality, a.value ->> 'kind', COALESCE(a.value -> 'criteria', '{}'), COALESCE(a.value -> 'options', '{}')
  FROM segment_header h, jsonb_array_elements(h.history) WITH ORDINALITY AS a;

INSERT INTO segment_criteria_action_line (tenant_id, segment_no, action_no, change, seq, contact_no)
SELECT h.tenant_id, h.no, a.ordinality, change.name, line.ordinality, line.value #>> '{}'
  FROM segment_header h,
       jsonb_array_elements(h.history) WITH ORDINALITY AS a,
       (VALUES ('added'), ('removed')) AS change (name),
       jsonb_array_elements(COALESCE(a.value -> change.name, '[]')) WITH ORDINALITY AS line;

ALTER TABLE segment_header DROP COLUMN history;

ALTER TABLE segment_line ALTER COLUMN line_no TYPE bigint;

-- The lines' foreign key to their header goes for the same reason as above, and a trigger deletes
-- the lines of a deleted segment as ON DELETE CASCADE did.
ALTER TABLE segment_line DROP CONSTRAINT segment_line_tenant_id_segment_no_fkey;
CREATE FUNCTION segment_header_delete_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM segment_line l USING gone g WHERE l.tenant_id = g.tenant_id AND l.segment_no = g.no;
  RETURN NULL;
END
$$;
CREATE TRIGGER segment_header_delete_lines AFTER DELETE ON segment_header
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION segment_header_delete_lines();

DROP INDEX segment_line_contact;
CREATE INDEX segment_line_contact ON segment_line (tenant_id, contact_no, segment_no, line_no);
CREATE INDEX contact_code_by_code ON contact_code (tenant_id, kind, code, contact_no);
CREATE INDEX contact_business_relation_by_code ON contact_business_relation (tenant_id, business_relation_code, contact_no);
`;
