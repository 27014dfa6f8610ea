/**
 * Segments (§6): header and lines, the criteria history (for Go Back), saved criteria, and logged
 * segments; interactions remember the segment and logged segment they came from.
 */
export const segments = `
CREATE TABLE segment_header (
  tenant_id text NOT NULL REFERENCES tenant(id),
  no text NOT NULL,
  description text NOT NULL DEFAULT '',
  campaign_no text NOT NULL DEFAULT '',
  campaign_target boolean NOT NULL DEFAULT false,
  campaign_response boolean NOT NULL DEFAULT false,
  salesperson_code text NOT NULL DEFAULT '',
  date date,
  interaction_template_code text NOT NULL DEFAULT '',
  subject text NOT NULL DEFAULT '',
  correspondence_type text NOT NULL DEFAULT '',
  ignore_contact_corres_type boolean NOT NULL DEFAULT false,
  history jsonb NOT NULL DEFAULT '[]',
  no_series text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, no)
);

CREATE TABLE segment_line (
  tenant_id text NOT NULL,
  segment_no text NOT NULL,
  line_no integer NOT NULL,
  contact_no text NOT NULL,
  campaign_target boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, segment_no, line_no),
  FOREIGN KEY (tenant_id, segment_no) REFERENCES segment_header (tenant_id, no) ON DELETE CASCADE
);
CREATE INDEX segment_line_contact ON segment_line (tenant_id, contact_no);

CREATE TABLE saved_segment_criteria (
  tenant_id text NOT NULL REFERENCES tenant(id),
  code text NOT NULL,
  description text NOT NULL DEFAULT '',
  actions jsonb NOT NULL,
  PRIMARY KEY (tenant_id, code)
);

CREATE TABLE logged_segment (
  tenant_id text NOT NULL REFERENCES tenant(id),
  entry_no bigint GENERATED ALWAYS AS IDENTITY,
  segment_no text NOT NULL,
  description text NOT NULL DEFAULT '',
  creation_date date NOT NULL,
  user_id text NOT NULL DEFAULT '',
  canceled boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, entry_no)
);
CREATE UNIQUE INDEX logged_segment_segment ON logged_segment (tenant_id, segment_no);

ALTER TABLE interaction_log_entry ADD COLUMN segment_no text NOT NULL DEFAULT '';
ALTER TABLE interaction_log_entry ADD COLUMN logged_segment_entry_no bigint NOT NULL DEFAULT 0;
`;
