/**
 * A minimal item catalogue, campaign price and discount lines, and campaign target groups (§7.4).
 */
export const campaignPrices = `
CREATE TABLE item (
  tenant_id text NOT NULL REFERENCES tenant(id),
  no text NOT NULL,
  description text NOT NULL DEFAULT '',
  unit_price numeric(18, 2) NOT NULL DEFAULT 0,
  base_unit_of_measure text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, no)
);

CREATE TABLE campaign_price_line (
  tenant_id text NOT NULL,
  campaign_no text NOT NULL,
  line_no integer NOT NULL,
  kind text NOT NULL,
  item_no text NOT NULL,
  minimum_quantity numeric(18, 2) NOT NULL DEFAULT 0,
  unit_price numeric(18, 2) NOT NULL DEFAULT 0,
  line_discount_pct numeric(5, 2) NOT NULL DEFAULT 0,
  starting_date date,
  ending_date date,
  PRIMARY KEY (tenant_id, campaign_no, line_no),
  FOREIGN KEY (tenant_id, campaign_no) REFERENCES campaign (tenant_id, no) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, item_no) REFERENCES item (tenant_id, no)
);

CREATE TABLE campaign_target_group (
  tenant_id text NOT NULL,
  campaign_no text NOT NULL,
  type text NOT NULL,
  no text NOT NULL,
  PRIMARY KEY (tenant_id, campaign_no, type, no),
  FOREIGN KEY (tenant_id, campaign_no) REFERENCES campaign (tenant_id, no) ON DELETE CASCADE
);
CREATE INDEX campaign_target_group_member ON campaign_target_group (tenant_id, type, no);
`;
