/**
 * Tenants, Marketing Setup, number series, salespeople, code lists, contacts with their satellite
 * data, duplicate search, business relations with minimal customers/vendors/bank accounts, and the
 * interaction and sales-cycle setup a tenant is provisioned with. Every table carries `tenant_id`
 * as the first key column: no row is reachable without it.
 */
const accountTable = (table: string, extraColumns: string) => `
CREATE TABLE ${table} (
  tenant_id text NOT NULL REFERENCES tenant(id),
  no text NOT NULL,
  name text NOT NULL DEFAULT '',
  name_2 text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  address_2 text NOT NULL DEFAULT '',
  post_code text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  county text NOT NULL DEFAULT '',
  country_region_code text NOT NULL DEFAULT '',
  phone_no text NOT NULL DEFAULT '',
  mobile_phone_no text NOT NULL DEFAULT '',
  fax_no text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  home_page text NOT NULL DEFAULT '',
  territory_code text NOT NULL DEFAULT '',
  language_code text NOT NULL DEFAULT '',
  format_region text NOT NULL DEFAULT '',
  currency_code text NOT NULL DEFAULT '',
  vat_registration_no text NOT NULL DEFAULT '',
  registration_number text NOT NULL DEFAULT '',
  primary_contact_no text NOT NULL DEFAULT '',
  ${extraColumns}
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, no)
);`;

export const foundation = `
CREATE TABLE tenant (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE marketing_setup (
  tenant_id text PRIMARY KEY REFERENCES tenant(id),
  setup jsonb NOT NULL,
  modified_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE no_series (
  tenant_id text NOT NULL REFERENCES tenant(id),
  code text NOT NULL,
  description text NOT NULL DEFAULT '',
  default_nos boolean NOT NULL DEFAULT true,
  manual_nos boolean NOT NULL DEFAULT false,
  date_order boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, code)
);

CREATE TABLE no_series_line (
  tenant_id text NOT NULL,
  series_code text NOT NULL,
  line_no integer NOT NULL,
  starting_date date,
  starting_no text NOT NULL DEFAULT '',
  ending_no text NOT NULL DEFAULT '',
  warning_no text NOT NULL DEFAULT '',
  increment_by_no integer NOT NULL DEFAULT 1,
  last_no_used text NOT NULL DEFAULT '',
  last_date_used date,
  open boolean NOT NULL DEFAULT true,
  implementation text NOT NULL DEFAULT 'normal',
  PRIMARY KEY (tenant_id, series_code, line_no),
  FOREIGN KEY (tenant_id, series_code) REFERENCES no_series (tenant_id, code) ON DELETE CASCADE
);

-- Small code lists of Business Central (Territory, Country/Region, Language, Business Relation,
-- Industry Group, Mailing Group, Job Responsibility, Organizational Level, Currency), one table
-- told apart by kind: they share shape and rules (Code[10], Description).
CREATE TABLE code_list (
  tenant_id text NOT NULL REFERENCES tenant(id),
  kind text NOT NULL,
  code text NOT NULL,
  description text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, kind, code)
);

CREATE TABLE salesperson (
  tenant_id text NOT NULL REFERENCES tenant(id),
  code text NOT NULL,
  name text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  search_email text NOT NULL DEFAULT '',
  job_title text NOT NULL DEFAULT '',
  phone_no text NOT NULL DEFAULT '',
  blocked boolean NOT NULL DEFAULT false,
  privacy_blocked boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, code)
);
CREATE INDEX salesperson_search_email ON salesperson (tenant_id, search_email);

CREATE TABLE salutation (
  tenant_id text NOT NULL REFERENCES tenant(id),
  code text NOT NULL,
  description text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, code)
);

CREATE TABLE salutation_formula (
  tenant_id text NOT NULL,
  salutation_code text NOT NULL,
  language_code text NOT NULL,
  salutation_type text NOT NULL,
  salutation text NOT NULL,
  name_parts text[] NOT NULL,
  PRIMARY KEY (tenant_id, salutation_code, language_code, salutation_type),
  FOREIGN KEY (tenant_id, salutation_code) REFERENCES salutation (tenant_id, code) ON DELETE CASCADE
);

CREATE TABLE contact (
  tenant_id text NOT NULL REFERENCES tenant(id),
  no text NOT NULL,
  type text NOT NULL,
  name text NOT NULL DEFAULT '',
  name_2 text NOT NULL DEFAULT '',
  search_name text NOT NULL DEFAULT '',
  company_no text NOT NULL DEFAULT '',
  company_name text NOT NULL DEFAULT '',
  first_name text NOT NULL DEFAULT '',
  middle_name text NOT NULL DEFAULT '',
  surname text NOT NULL DEFAULT '',
  initials text NOT NULL DEFAULT '',
  job_title text NOT NULL DEFAULT '',
  organizational_level_code text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  address_2 text NOT NULL DEFAULT '',
  post_code text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  county text NOT NULL DEFAULT '',
  country_region_code text NOT NULL DEFAULT '',
  phone_no text NOT NULL DEFAULT '',
  mobile_phone_no text NOT NULL DEFAULT '',
  fax_no text NOT NULL DEFAULT '',
  telex_no text NOT NULL DEFAULT '',
  telex_answer_back text NOT NULL DEFAULT '',
  pager text NOT NULL DEFAULT '',
  extension_no text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  email_2 text NOT NULL DEFAULT '',
  home_page text NOT NULL DEFAULT '',
  salesperson_code text NOT NULL DEFAULT '',
  territory_code text NOT NULL DEFAULT '',
  language_code text NOT NULL DEFAULT '',
  format_region text NOT NULL DEFAULT '',
  currency_code text NOT NULL DEFAULT '',
  salutation_code text NOT NULL DEFAULT '',
  correspondence_type text NOT NULL DEFAULT '',
  vat_registration_no text NOT NULL DEFAULT '',
  registration_number text NOT NULL DEFAULT '',
  exclude_from_segment boolean NOT NULL DEFAULT false,
  privacy_blocked boolean NOT NULL DEFAULT false,
  minor boolean NOT NULL DEFAULT false,
  parental_consent_received boolean NOT NULL DEFAULT false,
  external_id text NOT NULL DEFAULT '',
  inherited_fields text[] NOT NULL DEFAULT '{}',
  -- Matching keys (normalised e-mails, digits-only phone) kept beside the values they come from.
  search_email text NOT NULL DEFAULT '',
  search_email_2 text NOT NULL DEFAULT '',
  search_phone_no text NOT NULL DEFAULT '',
  search_mobile_phone_no text NOT NULL DEFAULT '',
  no_series text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_modified timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, no)
);
CREATE INDEX contact_company ON contact (tenant_id, company_no);
CREATE INDEX contact_search_email ON contact (tenant_id, search_email) WHERE search_email <> '';
CREATE INDEX contact_search_email_2 ON contact (tenant_id, search_email_2) WHERE search_email_2 <> '';
CREATE INDEX contact_search_phone ON contact (tenant_id, search_phone_no) WHERE search_phone_no <> '';
CREATE INDEX contact_search_mobile ON contact (tenant_id, search_mobile_phone_no) WHERE search_mobile_phone_no <> '';
CREATE INDEX contact_search_name ON contact (tenant_id, search_name text_pattern_ops);

CREATE TABLE contact_alt_address (
  tenant_id text NOT NULL,
  contact_no text NOT NULL,
  code text NOT NULL,
  company_name text NOT NULL DEFAULT '',
  company_name_2 text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  address_2 text NOT NULL DEFAULT '',
  post_code text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  county text NOT NULL DEFAULT '',
  country_region_code text NOT NULL DEFAULT '',
  phone_no text NOT NULL DEFAULT '',
  mobile_phone_no text NOT NULL DEFAULT '',
  fax_no text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  search_email text NOT NULL DEFAULT '',
  home_page text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, contact_no, code),
  FOREIGN KEY (tenant_id, contact_no) REFERENCES contact (tenant_id, no) ON DELETE CASCADE
);
CREATE INDEX contact_alt_address_search_email ON contact_alt_address (tenant_id, search_email) WHERE search_email <> '';

CREATE TABLE contact_alt_address_date_range (
  tenant_id text NOT NULL,
  contact_no text NOT NULL,
  starting_date date NOT NULL,
  alt_address_code text NOT NULL,
  ending_date date,
  PRIMARY KEY (tenant_id, contact_no, starting_date),
  FOREIGN KEY (tenant_id, contact_no, alt_address_code) REFERENCES contact_alt_address (tenant_id, contact_no, code) ON DELETE CASCADE
);

-- Many-to-many code lists used as segment criteria (§2.6); kind as in code_list.
CREATE TABLE contact_code (
  tenant_id text NOT NULL,
  contact_no text NOT NULL,
  kind text NOT NULL,
  code text NOT NULL,
  PRIMARY KEY (tenant_id, contact_no, kind, code),
  FOREIGN KEY (tenant_id, contact_no) REFERENCES contact (tenant_id, no) ON DELETE CASCADE
);

CREATE TABLE duplicate_search_string_setup (
  tenant_id text NOT NULL REFERENCES tenant(id),
  field text NOT NULL,
  part text NOT NULL,
  length integer NOT NULL,
  PRIMARY KEY (tenant_id, field, part)
);

CREATE TABLE contact_duplicate_search_string (
  tenant_id text NOT NULL,
  contact_no text NOT NULL,
  field text NOT NULL,
  part text NOT NULL,
  search_string text NOT NULL,
  PRIMARY KEY (tenant_id, contact_no, field, part),
  FOREIGN KEY (tenant_id, contact_no) REFERENCES contact (tenant_id, no) ON DELETE CASCADE
);
CREATE INDEX contact_duplicate_search_string_lookup
  ON contact_duplicate_search_string (tenant_id, field, part, search_string, contact_no);

CREATE TABLE contact_duplicate (
  tenant_id text NOT NULL,
  contact_no text NOT NULL,
  duplicate_contact_no text NOT NULL,
  separate_contacts boolean NOT NULL DEFAULT false,
  no_of_matching_strings integer NOT NULL DEFAULT 0,
  exact_matches text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, contact_no, duplicate_contact_no),
  FOREIGN KEY (tenant_id, contact_no) REFERENCES contact (tenant_id, no) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, duplicate_contact_no) REFERENCES contact (tenant_id, no) ON DELETE CASCADE
);
CREATE INDEX contact_duplicate_reverse ON contact_duplicate (tenant_id, duplicate_contact_no);

${accountTable('customer', "contact_type text NOT NULL DEFAULT 'company', salesperson_code text NOT NULL DEFAULT '',")}
${accountTable('vendor', "purchaser_code text NOT NULL DEFAULT '',")}
${accountTable('bank_account', "our_contact_code text NOT NULL DEFAULT '',")}

CREATE TABLE contact_business_relation (
  tenant_id text NOT NULL,
  contact_no text NOT NULL,
  business_relation_code text NOT NULL,
  link_to_table text NOT NULL DEFAULT '',
  no text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, contact_no, business_relation_code),
  FOREIGN KEY (tenant_id, contact_no) REFERENCES contact (tenant_id, no) ON DELETE CASCADE
);
CREATE UNIQUE INDEX contact_business_relation_link
  ON contact_business_relation (tenant_id, link_to_table, no) WHERE no <> '';

CREATE TABLE interaction_group (
  tenant_id text NOT NULL REFERENCES tenant(id),
  code text NOT NULL,
  description text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, code)
);

CREATE TABLE interaction_template (
  tenant_id text NOT NULL,
  code text NOT NULL,
  interaction_group_code text NOT NULL,
  description text NOT NULL DEFAULT '',
  unit_cost numeric(18, 2) NOT NULL DEFAULT 0,
  unit_duration_min numeric(18, 2) NOT NULL DEFAULT 0,
  information_flow text NOT NULL DEFAULT '',
  initiated_by text NOT NULL DEFAULT '',
  campaign_no text NOT NULL DEFAULT '',
  campaign_target boolean NOT NULL DEFAULT false,
  campaign_response boolean NOT NULL DEFAULT false,
  correspondence_type text NOT NULL DEFAULT 'email',
  ignore_contact_corres_type boolean NOT NULL DEFAULT false,
  language_code text NOT NULL DEFAULT '',
  wizard_action text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, code),
  FOREIGN KEY (tenant_id, interaction_group_code) REFERENCES interaction_group (tenant_id, code)
);

-- Interaction Template Setup: which template records which kind of event, e.g. e-mails.
CREATE TABLE interaction_template_setup (
  tenant_id text PRIMARY KEY REFERENCES tenant(id),
  setup jsonb NOT NULL
);

CREATE TABLE sales_cycle (
  tenant_id text NOT NULL REFERENCES tenant(id),
  code text NOT NULL,
  description text NOT NULL DEFAULT '',
  probability_calculation text NOT NULL,
  blocked boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, code)
);

CREATE TABLE sales_cycle_stage (
  tenant_id text NOT NULL,
  sales_cycle_code text NOT NULL,
  stage integer NOT NULL,
  description text NOT NULL DEFAULT '',
  completed_pct numeric(5, 2) NOT NULL DEFAULT 0,
  chances_of_success_pct numeric(5, 2) NOT NULL DEFAULT 0,
  activity_code text NOT NULL DEFAULT '',
  quote_required boolean NOT NULL DEFAULT false,
  allow_skip boolean NOT NULL DEFAULT false,
  date_formula text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, sales_cycle_code, stage),
  FOREIGN KEY (tenant_id, sales_cycle_code) REFERENCES sales_cycle (tenant_id, code) ON DELETE CASCADE
);
`;
