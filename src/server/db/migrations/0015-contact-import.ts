/**
 * Contact import: an uploaded file is staged row by row with what the dry run expects of each, so
 * the file is streamed once and never held whole; the run applies the staged rows as a job.
 * `contact_import_key` holds each row's keys (number, external id, a company's name, a new
 * contact's e-mail and phones) to find a key repeated in the file and a person's company among
 * the rows. The tenant's column mapping is remembered for the next upload.
 */
export const contactImport = `
CREATE TABLE contact_import (
  tenant_id text NOT NULL REFERENCES tenant(id),
  id uuid NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'jsonLines')),
  delimiter text,
  columns jsonb NOT NULL DEFAULT '[]',
  mapping jsonb NOT NULL,
  mapping_source text NOT NULL,
  row_count integer NOT NULL DEFAULT 0,
  staged boolean NOT NULL DEFAULT false,
  duplicates text,
  job_id uuid,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- While the upload streams: when its last batch was staged (an upload left unfinished is cleared).
  touched_at timestamptz NOT NULL DEFAULT now(),
  imported_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX contact_import_recent ON contact_import (tenant_id, created_at DESC);

CREATE TABLE contact_import_row (
  tenant_id text NOT NULL,
  import_id uuid NOT NULL,
  row_no integer NOT NULL,
  source jsonb NOT NULL,
  fields jsonb NOT NULL DEFAULT '{}',
  contact_type text NOT NULL DEFAULT '',
  company_ref text NOT NULL DEFAULT '',
  company_row_no integer,
  company_no text NOT NULL DEFAULT '',
  outcome text NOT NULL CHECK (outcome IN ('created', 'updated', 'unchanged', 'duplicate', 'refused')),
  contact_no text NOT NULL DEFAULT '',
  problems jsonb NOT NULL DEFAULT '[]',
  candidates jsonb NOT NULL DEFAULT '[]',
  applied boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, import_id, row_no),
  FOREIGN KEY (tenant_id, import_id) REFERENCES contact_import (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_import_row_outcome ON contact_import_row (tenant_id, import_id, outcome, row_no);

CREATE TABLE contact_import_key (
  tenant_id text NOT NULL,
  import_id uuid NOT NULL,
  key text NOT NULL,
  row_no integer NOT NULL,
  PRIMARY KEY (tenant_id, import_id, key, row_no),
  FOREIGN KEY (tenant_id, import_id) REFERENCES contact_import (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE contact_import_mapping (
  tenant_id text PRIMARY KEY REFERENCES tenant(id),
  mapping jsonb NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Rows are matched to contacts by external id as well as by number.
CREATE INDEX contact_external_id ON contact (tenant_id, external_id) WHERE external_id <> '';
`;
