import type { Db } from './db';
import { foundation } from './migrations/0001-foundation';
import { interactions } from './migrations/0002-interactions';
import { campaigns } from './migrations/0003-campaigns';
import { opportunitiesAndTasks } from './migrations/0004-opportunities-and-tasks';
import { campaignPrices } from './migrations/0005-campaign-prices';
import { segments } from './migrations/0006-segments';
import { teams } from './migrations/0007-teams';
import { templateLanguages } from './migrations/0008-template-languages';
import { sync } from './migrations/0009-sync';
import { jobs } from './migrations/0010-jobs';
import { segmentModified } from './migrations/0011-segment-modified';
import { contactSearch } from './migrations/0012-contact-search';
import { contactFilters } from './migrations/0013-contact-filters';
import { segmentCriteriaSql } from './migrations/0014-segment-criteria-sql';
import { contactImport } from './migrations/0015-contact-import';
import { redundantContactIndexes } from './migrations/0016-redundant-contact-indexes';
import { pipelineReads } from './migrations/0017-pipeline-reads';
import { importRowContact } from './migrations/0018-import-row-contact';
import { segmentActionArrays } from './migrations/0019-segment-action-arrays';
import { interactionMailbox } from './migrations/0020-interaction-mailbox';
import { duplicateStringArrays } from './migrations/0021-duplicate-string-arrays';

export type Migration = { version: number; name: string; sql: string };

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'interactions', sql: interactions },
  { version: 3, name: 'campaigns', sql: campaigns },
  { version: 4, name: 'opportunities and tasks', sql: opportunitiesAndTasks },
  { version: 5, name: 'campaign prices', sql: campaignPrices },
  { version: 6, name: 'segments', sql: segments },
  { version: 7, name: 'teams', sql: teams },
  { version: 8, name: 'template languages', sql: templateLanguages },
  { version: 9, name: 'sync', sql: sync },
  { version: 10, name: 'jobs', sql: jobs },
  { version: 11, name: 'segment modified', sql: segmentModified },
  { version: 12, name: 'contact search', sql: contactSearch },
  { version: 13, name: 'contact filters', sql: contactFilters },
  { version: 14, name: 'segment criteria in SQL', sql: segmentCriteriaSql },
  { version: 15, name: 'contact import', sql: contactImport },
  { version: 16, name: 'redundant contact indexes', sql: redundantContactIndexes },
  { version: 17, name: 'pipeline reads', sql: pipelineReads },
  { version: 18, name: 'import row contact', sql: importRowContact },
  { version: 19, name: 'segment action arrays', sql: segmentActionArrays },
  { version: 20, name: 'interaction mailbox', sql: interactionMailbox },
  { version: 21, name: 'duplicate string arrays', sql: duplicateStringArrays },
];

/** Any 64-bit number: it names the advisory lock that keeps two starting instances from migrating at once. */
const MIGRATION_LOCK_KEY = 7_210_553_001;

/**
 * Brings the schema up to date: each pending migration runs in one transaction together with its
 * record in `schema_migration`, so a failed migration leaves nothing behind and a second start is a
 * no-op. Returns the versions applied now.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of migrations) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const done = await tx.query('SELECT 1 FROM schema_migration WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (didApply) applied.push(migration.version);
  }
  return applied;
}

/**
 * Splits a migration on statement-ending semicolons at line ends. Both engines accept one
 * statement per parameterless query; the migrations keep to this simple layout (no semicolons
 * inside literals at a line end). Dollar-quoted bodies (`$$ … $$`, PL/pgSQL functions) are kept
 * whole, whatever semicolons they hold.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  // Odd-numbered parts lie inside $$ … $$; only even ones are split.
  sql.split('$$').forEach((part, index) => {
    if (index % 2 === 1) {
      current += `$$${part}$$`;
      return;
    }
    const pieces = part.split(/;\s*$/m);
    current += pieces[0];
    for (const piece of pieces.slice(1)) {
      statements.push(current);
      current = piece;
    }
  });
  statements.push(current);
  return statements.map((statement) => statement.replace(/^\s*--.*$/gm, '').trim()).filter((statement) => statement.length > 0);
}
