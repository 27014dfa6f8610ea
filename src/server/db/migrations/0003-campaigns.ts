/**
 * Campaigns (§7): statuses, campaigns and campaign entries; interactions point to their entry.
 * Tenants provisioned before this migration get the default statuses here.
 */
// The defaults as they were when this migration shipped (a migration never changes afterwards).
const statusValues = `('1-PLAN', 'Planned'), ('2-APP', 'Approved'), ('3-INIT', 'Initiated'), ('4-SCH', 'Scheduled'), ('5-START', 'Started'), ('9-DONE', 'Done')`;

export const campaigns = `
CREATE TABLE campaign_status (
  tenant_id text NOT NULL REFERENCES tenant(id),
  code text NOT NULL,
  description text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, code)
);
INSERT INTO campaign_status (tenant_id, code, description)
  SELECT tenant.id, s.code, s.description FROM tenant CROSS JOIN (VALUES ${statusValues}) AS s(code, description);

CREATE TABLE campaign (
  tenant_id text NOT NULL REFERENCES tenant(id),
  no text NOT NULL,
  description text NOT NULL DEFAULT '',
  starting_date date,
  ending_date date,
  salesperson_code text NOT NULL DEFAULT '',
  status_code text NOT NULL DEFAULT '',
  no_series text NOT NULL DEFAULT '',
  last_date_modified timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, no)
);

CREATE TABLE campaign_entry (
  tenant_id text NOT NULL,
  entry_no bigint GENERATED ALWAYS AS IDENTITY,
  campaign_no text NOT NULL,
  description text NOT NULL DEFAULT '',
  date date NOT NULL,
  user_id text NOT NULL DEFAULT '',
  segment_no text NOT NULL DEFAULT '',
  salesperson_code text NOT NULL DEFAULT '',
  register_no bigint NOT NULL DEFAULT 0,
  document_type text NOT NULL DEFAULT '',
  canceled boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, entry_no),
  FOREIGN KEY (tenant_id, campaign_no) REFERENCES campaign (tenant_id, no)
);
CREATE INDEX campaign_entry_campaign ON campaign_entry (tenant_id, campaign_no, segment_no, document_type);

ALTER TABLE interaction_log_entry ADD COLUMN campaign_entry_no bigint NOT NULL DEFAULT 0;
CREATE INDEX interaction_log_entry_campaign ON interaction_log_entry (tenant_id, campaign_no) WHERE campaign_no <> '';
`;
