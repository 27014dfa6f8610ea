/**
 * The change feed behind sync (docs/sync.md).
 *
 * Every tenant has a version counter. The first write of a transaction to a synced table takes the
 * next version (`sync_version(tenant)` bumps `tenant_sync` and remembers the number for the rest of
 * the transaction); every synced row the transaction writes is stamped with it, and every deleted
 * one leaves a tombstone with it. The bump holds the tenant's counter row locked until commit, so
 * versions commit in order: a client that has seen version v has seen every row of every version
 * up to v. Request transactions bump first (`beginTenantWrite`), before any other lock, so two
 * writers never wait on each other in opposite orders.
 *
 * A change to a child row (an alternative address, a stage, a price line, an opportunity entry)
 * re-stamps its parent, because the client receives the parent with its children folded in.
 */
const stamp = (table: string) => `
ALTER TABLE ${table} ADD COLUMN sync_version bigint NOT NULL DEFAULT 0;
CREATE TRIGGER ${table}_sync_stamp BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION sync_stamp();
`;

const tombstone = (table: string, collection: string, keyColumns: readonly string[]) => `
CREATE TRIGGER ${table}_sync_tombstone AFTER DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION sync_tombstone('${collection}', ${keyColumns.map((column) => `'${column}'`).join(', ')});
`;

/** A table whose rows are a sync collection: stamped, tombstoned, and read in stream order by its index. */
const syncedTable = (table: string, collection: string, keyColumns: readonly string[]) => `
${stamp(table)}
${tombstone(table, collection, keyColumns)}
CREATE INDEX ${table}_sync ON ${table} (tenant_id, sync_version, ${keyColumns.join(', ')});
`;

/** Statement-level triggers that re-stamp the parents of changed child rows (`touch` names the SQL run on `changed`). */
const touchParents = (table: string, functionName: string, touch: string) => `
CREATE FUNCTION ${functionName}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${touch};
  RETURN NULL;
END
$$;
CREATE TRIGGER ${table}_touch_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${functionName}();
CREATE TRIGGER ${table}_touch_update AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${functionName}();
CREATE TRIGGER ${table}_touch_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${functionName}();
`;

export const sync = `
CREATE TABLE tenant_sync (
  tenant_id text PRIMARY KEY REFERENCES tenant(id),
  version bigint NOT NULL DEFAULT 0,
  -- Tombstones up to this version have been pruned: older cursors must start over.
  horizon_version bigint NOT NULL DEFAULT 0
);
INSERT INTO tenant_sync (tenant_id) SELECT id FROM tenant;

CREATE FUNCTION sync_version(p_tenant text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  current_version text := current_setting('rapport.sync_version', true);
  current_tenant text := current_setting('rapport.sync_tenant', true);
BEGIN
  IF current_version IS NOT NULL AND current_version <> '' THEN
    IF current_tenant <> p_tenant THEN
      RAISE EXCEPTION 'one transaction writes one tenant (% and %)', current_tenant, p_tenant;
    END IF;
    RETURN current_version::bigint;
  END IF;
  INSERT INTO tenant_sync (tenant_id, version) VALUES (p_tenant, 1)
    ON CONFLICT (tenant_id) DO UPDATE SET version = tenant_sync.version + 1
    RETURNING version::text INTO current_version;
  PERFORM set_config('rapport.sync_version', current_version, true);
  PERFORM set_config('rapport.sync_tenant', p_tenant, true);
  RETURN current_version::bigint;
END
$$;

CREATE FUNCTION sync_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sync_version := sync_version(NEW.tenant_id);
  RETURN NEW;
END
$$;

CREATE TABLE sync_tombstone (
  tenant_id text NOT NULL REFERENCES tenant(id),
  collection text NOT NULL,
  key text NOT NULL,
  sync_version bigint NOT NULL,
  deleted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, collection, key)
);
CREATE INDEX sync_tombstone_version ON sync_tombstone (tenant_id, sync_version, collection, key);
CREATE INDEX sync_tombstone_age ON sync_tombstone (tenant_id, deleted_at);

-- TG_ARGV: the collection, then the columns whose values, joined by '|', make the record's key.
CREATE FUNCTION sync_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb := to_jsonb(OLD);
  record_key text := '';
  i integer;
BEGIN
  FOR i IN 1 .. TG_NARGS - 1 LOOP
    record_key := record_key || CASE WHEN i > 1 THEN '|' ELSE '' END || (old_row ->> TG_ARGV[i]);
  END LOOP;
  INSERT INTO sync_tombstone (tenant_id, collection, key, sync_version)
    VALUES (OLD.tenant_id, TG_ARGV[0], record_key, sync_version(OLD.tenant_id))
    ON CONFLICT (tenant_id, collection, key) DO UPDATE SET sync_version = EXCLUDED.sync_version, deleted_at = now();
  RETURN NULL;
END
$$;

-- One row per outbox (client id): the last mutation processed, applied or rejected.
CREATE TABLE sync_client (
  tenant_id text NOT NULL REFERENCES tenant(id),
  client_id text NOT NULL,
  client_group_id text NOT NULL,
  user_id text NOT NULL,
  last_mutation_id bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_push_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, client_id)
);
CREATE INDEX sync_client_group ON sync_client (tenant_id, client_group_id);

-- Mutations refused for a domain reason, reported to the client group until it resyncs past them.
CREATE TABLE sync_mutation_rejection (
  tenant_id text NOT NULL REFERENCES tenant(id),
  client_id text NOT NULL,
  mutation_id bigint NOT NULL,
  client_group_id text NOT NULL,
  name text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  details jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, client_id, mutation_id)
);

${syncedTable('contact', 'contact', ['no'])}
CREATE INDEX contact_salesperson ON contact (tenant_id, salesperson_code) WHERE salesperson_code <> '';
${touchParents('contact_alt_address', 'sync_touch_contact_of_alt_address', 'UPDATE contact c SET sync_version = 0 FROM (SELECT DISTINCT tenant_id, contact_no FROM changed) t WHERE c.tenant_id = t.tenant_id AND c.no = t.contact_no')}
${touchParents(
  'contact_business_relation',
  'sync_touch_contact_of_business_relation',
  // A person's business relation summary includes its company's relations.
  'UPDATE contact c SET sync_version = 0 FROM (SELECT DISTINCT tenant_id, contact_no FROM changed) t WHERE c.tenant_id = t.tenant_id AND (c.no = t.contact_no OR c.company_no = t.contact_no)',
)}

${syncedTable('salesperson', 'salesperson', ['code'])}

${syncedTable('interaction_template', 'interactionTemplate', ['code'])}

${syncedTable('sales_cycle', 'salesCycle', ['code'])}
${touchParents('sales_cycle_stage', 'sync_touch_sales_cycle_of_stage', 'UPDATE sales_cycle c SET sync_version = 0 FROM (SELECT DISTINCT tenant_id, sales_cycle_code FROM changed) t WHERE c.tenant_id = t.tenant_id AND c.code = t.sales_cycle_code')}

${syncedTable('close_opportunity_code', 'closeOpportunityCode', ['code'])}

${syncedTable('campaign_status', 'campaignStatus', ['code'])}

${syncedTable('campaign', 'campaign', ['no'])}
${touchParents('campaign_price_line', 'sync_touch_campaign_of_price_line', 'UPDATE campaign c SET sync_version = 0 FROM (SELECT DISTINCT tenant_id, campaign_no FROM changed) t WHERE c.tenant_id = t.tenant_id AND c.no = t.campaign_no')}

${syncedTable('campaign_target_group', 'campaignTarget', ['campaign_no', 'type', 'no'])}
-- A campaign is activated while it has a target group.
${touchParents('campaign_target_group', 'sync_touch_campaign_of_target', 'UPDATE campaign c SET sync_version = 0 FROM (SELECT DISTINCT tenant_id, campaign_no FROM changed) t WHERE c.tenant_id = t.tenant_id AND c.no = t.campaign_no')}

${syncedTable('opportunity', 'opportunity', ['no'])}
${touchParents('opportunity_entry', 'sync_touch_opportunity_of_entry', 'UPDATE opportunity o SET sync_version = 0 FROM (SELECT DISTINCT tenant_id, opportunity_no FROM changed) t WHERE o.tenant_id = t.tenant_id AND o.no = t.opportunity_no')}

${syncedTable('task', 'task', ['no'])}

${syncedTable('interaction_log_entry', 'interaction', ['entry_no'])}
CREATE INDEX interaction_log_entry_salesperson ON interaction_log_entry (tenant_id, salesperson_code, date);

${stamp('marketing_setup')}
${stamp('interaction_template_setup')}

${stamp('sync_mutation_rejection')}
CREATE INDEX sync_mutation_rejection_sync ON sync_mutation_rejection (tenant_id, client_group_id, sync_version, client_id, mutation_id);
`;
