/**
 * Background jobs: work too long for a request (rebuilding the duplicate index of a million
 * contacts, a contact import) runs in slices, each committed together with its checkpoint, so a
 * restarted service resumes where the last slice ended. A lease says which runner is on a job; a
 * lease that has run out (the runner died) lets another runner take the job over. At most one job
 * of a kind is queued or running per tenant.
 */
export const jobs = `
CREATE TABLE job (
  tenant_id text NOT NULL REFERENCES tenant(id),
  id uuid NOT NULL,
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'canceled')),
  params jsonb NOT NULL,
  created_by jsonb NOT NULL,
  checkpoint jsonb,
  progress_done bigint NOT NULL DEFAULT 0,
  progress_total bigint,
  outcome jsonb,
  error jsonb,
  attempts integer NOT NULL DEFAULT 0,
  lease_owner text NOT NULL DEFAULT '',
  lease_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  stepped_at timestamptz,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX job_one_active_per_kind ON job (tenant_id, kind) WHERE status IN ('queued', 'running');
CREATE INDEX job_runnable ON job (stepped_at NULLS FIRST, created_at) WHERE status IN ('queued', 'running');
CREATE INDEX job_recent ON job (tenant_id, created_at DESC);
`;
