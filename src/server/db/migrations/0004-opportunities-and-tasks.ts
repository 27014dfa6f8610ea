/**
 * Opportunities with their entries and close codes (§8), minimal sales quotes for "quote
 * required", tasks, activities and activity steps (§9). Tenants provisioned before this migration
 * get the default close codes here.
 */
// The defaults as they were when this migration shipped (a migration never changes afterwards).
const closeCodeValues = `
  ('PRICE_W', 'won', 'Won: price'),
  ('PRICE_L', 'lost', 'Lost: price'),
  ('PRODUCT_W', 'won', 'Won: product'),
  ('PRODUCT_L', 'lost', 'Lost: product'),
  ('RELATION_W', 'won', 'Won: relationship'),
  ('RELATION_L', 'lost', 'Lost: relationship'),
  ('SALESREP_W', 'won', 'Won: sales representative'),
  ('SALESREP_L', 'lost', 'Lost: sales representative'),
  ('PRES_W', 'won', 'Won: presentation'),
  ('PRES_L', 'lost', 'Lost: presentation'),
  ('CONSULT_W', 'won', 'Won: consulting'),
  ('CONSULT_L', 'lost', 'Lost: consulting'),
  ('BUSINESS_W', 'won', 'Won: business'),
  ('BUSINESS_L', 'lost', 'Lost: business'),
  ('POSTPND_L', 'lost', 'Lost: postponed'),
  ('TIMEWST_L', 'lost', 'Lost: waste of time'),
  ('WALKED_L', 'lost', 'Lost: customer walked away')`;

export const opportunitiesAndTasks = `
CREATE TABLE close_opportunity_code (
  tenant_id text NOT NULL REFERENCES tenant(id),
  code text NOT NULL,
  type text NOT NULL,
  description text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, code)
);
INSERT INTO close_opportunity_code (tenant_id, code, type, description)
  SELECT tenant.id, c.code, c.type, c.description FROM tenant CROSS JOIN (VALUES ${closeCodeValues}) AS c(code, type, description);

CREATE TABLE opportunity (
  tenant_id text NOT NULL REFERENCES tenant(id),
  no text NOT NULL,
  description text NOT NULL DEFAULT '',
  contact_no text NOT NULL,
  contact_company_no text NOT NULL DEFAULT '',
  salesperson_code text NOT NULL DEFAULT '',
  campaign_no text NOT NULL DEFAULT '',
  segment_no text NOT NULL DEFAULT '',
  sales_cycle_code text NOT NULL,
  creation_date date NOT NULL,
  status text NOT NULL DEFAULT 'notStarted',
  priority text NOT NULL DEFAULT 'normal',
  closed boolean NOT NULL DEFAULT false,
  date_closed date,
  sales_document_type text NOT NULL DEFAULT '',
  sales_document_no text NOT NULL DEFAULT '',
  no_series text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, no)
);
CREATE INDEX opportunity_contact ON opportunity (tenant_id, contact_company_no, contact_no);
CREATE INDEX opportunity_salesperson ON opportunity (tenant_id, salesperson_code) WHERE NOT closed;

CREATE TABLE opportunity_entry (
  tenant_id text NOT NULL,
  entry_no bigint GENERATED ALWAYS AS IDENTITY,
  opportunity_no text NOT NULL,
  sales_cycle_code text NOT NULL,
  sales_cycle_stage integer NOT NULL DEFAULT 0,
  previous_sales_cycle_stage integer NOT NULL DEFAULT 0,
  contact_no text NOT NULL DEFAULT '',
  contact_company_no text NOT NULL DEFAULT '',
  salesperson_code text NOT NULL DEFAULT '',
  campaign_no text NOT NULL DEFAULT '',
  date_of_change date NOT NULL,
  active boolean NOT NULL DEFAULT true,
  date_closed date,
  days_open integer NOT NULL DEFAULT 0,
  action_taken text NOT NULL DEFAULT '',
  estimated_value_lcy numeric(18, 2) NOT NULL DEFAULT 0,
  calcd_current_value_lcy numeric(18, 2) NOT NULL DEFAULT 0,
  completed_pct numeric(5, 2) NOT NULL DEFAULT 0,
  chances_of_success_pct numeric(5, 2) NOT NULL DEFAULT 0,
  probability_pct numeric(5, 2) NOT NULL DEFAULT 0,
  estimated_close_date date,
  close_opportunity_code text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, entry_no),
  FOREIGN KEY (tenant_id, opportunity_no) REFERENCES opportunity (tenant_id, no) ON DELETE CASCADE
);
CREATE UNIQUE INDEX opportunity_entry_active ON opportunity_entry (tenant_id, opportunity_no) WHERE active;

CREATE TABLE sales_quote (
  tenant_id text NOT NULL REFERENCES tenant(id),
  no text NOT NULL,
  contact_no text NOT NULL DEFAULT '',
  opportunity_no text NOT NULL DEFAULT '',
  amount_lcy numeric(18, 2) NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, no)
);

CREATE TABLE task (
  tenant_id text NOT NULL REFERENCES tenant(id),
  no text NOT NULL,
  type text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  date date NOT NULL,
  start_time time,
  duration_min integer NOT NULL DEFAULT 0,
  all_day_event boolean NOT NULL DEFAULT false,
  location text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'notStarted',
  priority text NOT NULL DEFAULT 'normal',
  closed boolean NOT NULL DEFAULT false,
  date_closed date,
  canceled boolean NOT NULL DEFAULT false,
  completed_by text NOT NULL DEFAULT '',
  salesperson_code text NOT NULL DEFAULT '',
  team_code text NOT NULL DEFAULT '',
  contact_no text NOT NULL DEFAULT '',
  contact_company_no text NOT NULL DEFAULT '',
  campaign_no text NOT NULL DEFAULT '',
  opportunity_no text NOT NULL DEFAULT '',
  segment_no text NOT NULL DEFAULT '',
  recurring boolean NOT NULL DEFAULT false,
  recurring_date_interval text NOT NULL DEFAULT '',
  calc_due_date_from text NOT NULL DEFAULT '',
  no_series text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, no)
);
CREATE INDEX task_contact ON task (tenant_id, contact_company_no, contact_no) WHERE NOT closed;
CREATE INDEX task_salesperson ON task (tenant_id, salesperson_code, date) WHERE NOT closed;
CREATE INDEX task_opportunity ON task (tenant_id, opportunity_no) WHERE opportunity_no <> '';

CREATE TABLE activity (
  tenant_id text NOT NULL REFERENCES tenant(id),
  code text NOT NULL,
  description text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, code)
);

CREATE TABLE activity_step (
  tenant_id text NOT NULL,
  activity_code text NOT NULL,
  step_no integer NOT NULL,
  type text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  priority text NOT NULL DEFAULT 'normal',
  date_formula text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, activity_code, step_no),
  FOREIGN KEY (tenant_id, activity_code) REFERENCES activity (tenant_id, code) ON DELETE CASCADE
);
`;
