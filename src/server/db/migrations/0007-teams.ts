/** Team members (§9.1: a team task is copied to each member) and a task's place among them. */
export const teams = `
CREATE TABLE team_salesperson (
  tenant_id text NOT NULL REFERENCES tenant(id),
  team_code text NOT NULL,
  salesperson_code text NOT NULL,
  PRIMARY KEY (tenant_id, team_code, salesperson_code)
);
ALTER TABLE task ADD COLUMN organizer_task_no text NOT NULL DEFAULT '';
ALTER TABLE task ADD COLUMN system_task_type text NOT NULL DEFAULT '';
CREATE INDEX task_organizer ON task (tenant_id, organizer_task_no) WHERE organizer_task_no <> '';
`;
