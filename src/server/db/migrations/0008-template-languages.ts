/** Interaction Tmpl. Language (§5.2): the languages an interaction template is set up in. */
export const templateLanguages = `
CREATE TABLE interaction_tmpl_language (
  tenant_id text NOT NULL,
  template_code text NOT NULL,
  language_code text NOT NULL,
  description text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, template_code, language_code),
  FOREIGN KEY (tenant_id, template_code) REFERENCES interaction_template (tenant_id, code) ON DELETE CASCADE
);
`;
