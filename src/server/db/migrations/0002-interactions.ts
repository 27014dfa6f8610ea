/**
 * Interaction Log Entry (§5.4). `id` is the client's UUID, so a retried request is the same entry;
 * one e-mail (internet message id) is logged once per contact, whoever logs it from wherever.
 * No foreign key to the contact: history outlives a deleted contact (§2.4 re-points a deleted
 * person's entries to its company; a deleted company's entries keep its number).
 */
export const interactions = `
CREATE TABLE interaction_log_entry (
  tenant_id text NOT NULL REFERENCES tenant(id),
  entry_no bigint GENERATED ALWAYS AS IDENTITY,
  id uuid NOT NULL,
  contact_no text NOT NULL,
  contact_company_no text NOT NULL DEFAULT '',
  contact_alt_address_code text NOT NULL DEFAULT '',
  date date NOT NULL,
  time_of_interaction time NOT NULL,
  description text NOT NULL DEFAULT '',
  subject text NOT NULL DEFAULT '',
  information_flow text NOT NULL DEFAULT '',
  initiated_by text NOT NULL DEFAULT '',
  interaction_group_code text NOT NULL DEFAULT '',
  interaction_template_code text NOT NULL DEFAULT '',
  interaction_language_code text NOT NULL DEFAULT '',
  cost_lcy numeric(18, 2) NOT NULL DEFAULT 0,
  duration_min numeric(18, 2) NOT NULL DEFAULT 0,
  salesperson_code text NOT NULL DEFAULT '',
  user_id text NOT NULL DEFAULT '',
  user_email text NOT NULL DEFAULT '',
  campaign_no text NOT NULL DEFAULT '',
  campaign_target boolean NOT NULL DEFAULT false,
  campaign_response boolean NOT NULL DEFAULT false,
  opportunity_no text NOT NULL DEFAULT '',
  evaluation text NOT NULL DEFAULT '',
  attempt_failed boolean NOT NULL DEFAULT false,
  correspondence_type text NOT NULL DEFAULT '',
  canceled boolean NOT NULL DEFAULT false,
  postponed boolean NOT NULL DEFAULT false,
  email_logged boolean NOT NULL DEFAULT false,
  internet_message_id text NOT NULL DEFAULT '',
  conversation_id text NOT NULL DEFAULT '',
  email_from text NOT NULL DEFAULT '',
  attachment_names text[] NOT NULL DEFAULT '{}',
  body_excerpt text NOT NULL DEFAULT '',
  logged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, entry_no)
);
CREATE UNIQUE INDEX interaction_log_entry_id ON interaction_log_entry (tenant_id, id);
CREATE UNIQUE INDEX interaction_log_entry_message ON interaction_log_entry (tenant_id, contact_no, internet_message_id) WHERE internet_message_id <> '';
CREATE INDEX interaction_log_entry_contact ON interaction_log_entry (tenant_id, contact_no, date DESC, entry_no DESC);
CREATE INDEX interaction_log_entry_company ON interaction_log_entry (tenant_id, contact_company_no, date DESC, entry_no DESC);
CREATE INDEX interaction_log_entry_message_lookup ON interaction_log_entry (tenant_id, internet_message_id) WHERE internet_message_id <> '';
`;
