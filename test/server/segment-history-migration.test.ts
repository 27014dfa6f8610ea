import { applyAction, DEFAULT_SEGMENT_OPTIONS, type SegmentAction } from '../../src/domain/segment/segment-criteria';
import { migrate, MIGRATIONS } from '../../src/server/db/migrate';
import { getSegment, goBackSegment, saveCriteria } from '../../src/server/modules/segments/segment-service';
import { isRapportError } from '../../src/domain/errors';
import { openTestDb, testEngines, type TestDb } from '../helpers/engines';
import { insertWorld, loadContactFacts, serviceContext, worldContact } from '../helpers/segment-world';

describe.each(testEngines())('a criteria history kept in the header before migration 14, then in rows until migration 19, on %s', (engine) => {
  const TENANT = 'history-migration';
  let test$: TestDb;
  beforeAll(async () => {
    test$ = await openTestDb(engine, MIGRATIONS.filter((migration) => migration.version < 14));
  });
  afterAll(() => test$.dispose());

  test('moves into rows, then into arrays, and Go Back and saved criteria work on it as before', async () => {
    const { db } = test$;
    await db.query('INSERT INTO tenant (id) VALUES ($1)', [TENANT]);
    await insertWorld(db, TENANT, [
      worldContact({ no: 'CT1', type: 'person', mailingGroups: ['NEWS'] }),
      worldContact({ no: 'CT2', type: 'person' }),
      worldContact({ no: 'CT3', type: 'person', mailingGroups: ['NEWS'] }),
      worldContact({ no: 'CT4', type: 'person', mailingGroups: ['NEWS'] }),
    ]);
    // What the service stored before: a typed line, an add and a reduce, lines renumbered by 10,000.
    const facts = await loadContactFacts(db, TENANT);
    const add = applyAction(['CT2'], facts, 'add', { mailingGroup: ['NEWS'] }, { ...DEFAULT_SEGMENT_OPTIONS, allowRelatedCompanies: true });
    const reduce = applyAction(add.contacts, facts, 'reduce', { contact: { no: 'CT3' } });
    const history: SegmentAction[] = [add.action, reduce.action];
    expect(reduce.contacts).toEqual(['CT2', 'CT1', 'CT4']);
    await db.query("INSERT INTO segment_header (tenant_id, no, description, history) VALUES ($1, 'SM1', 'Before', $2)", [TENANT, JSON.stringify(history)]);
    await db.query("INSERT INTO segment_line (tenant_id, segment_no, line_no, contact_no) SELECT $1, 'SM1', n * 10000, no FROM unnest($2::text[]) WITH ORDINALITY AS t (no, n)", [TENANT, reduce.contacts]);

    expect(await migrate(db, MIGRATIONS.filter((migration) => migration.version < 19))).toEqual([14, 15, 16, 17, 18]);
    expect(await db.query("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'segment_header' AND column_name = 'history'")).toEqual([]);
    const actionLines = await db.query('SELECT action_no, change, seq, contact_no FROM segment_criteria_action_line WHERE tenant_id = $1 ORDER BY action_no, change, seq', [TENANT]);
    expect(actionLines).toEqual([
      { action_no: 1, change: 'added', seq: 1, contact_no: 'CT1' },
      { action_no: 1, change: 'added', seq: 2, contact_no: 'CT3' },
      { action_no: 1, change: 'added', seq: 3, contact_no: 'CT4' },
      { action_no: 2, change: 'removed', seq: 1, contact_no: 'CT3' },
    ]);

    // Migration 19 moves the action lines into arrays on their actions, in their order.
    expect(await migrate(db)).toEqual(MIGRATIONS.filter((migration) => migration.version >= 19).map((migration) => migration.version));
    expect(await db.query('SELECT action_no, added, removed FROM segment_criteria_action WHERE tenant_id = $1 ORDER BY action_no', [TENANT])).toEqual([
      { action_no: 1, added: ['CT1', 'CT3', 'CT4'], removed: [] },
      { action_no: 2, added: [], removed: ['CT3'] },
    ]);
    expect(await db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'segment_criteria_action_line'")).toEqual([]);

    const ctx = serviceContext(db, TENANT);
    expect((await getSegment(ctx, 'SM1')).noOfCriteriaActions).toBe(2);
    expect(await saveCriteria(ctx, 'SM1', 'BEFORE', '')).toEqual({ code: 'BEFORE', description: '', noOfActions: 2 });
    const [saved] = await db.query<{ actions: unknown }>("SELECT actions FROM saved_segment_criteria WHERE tenant_id = $1 AND code = 'BEFORE'", [TENANT]);
    expect(saved?.actions).toEqual(history.map(({ kind, criteria, options }) => ({ kind, criteria, options })));

    const back = await goBackSegment(ctx, 'SM1');
    expect(back.lines.map((line) => line.contactNo)).toEqual(['CT2', 'CT1', 'CT4', 'CT3']);
    const backAgain = await goBackSegment(ctx, 'SM1');
    expect(backAgain.lines.map((line) => line.contactNo)).toEqual(['CT2']);
    expect(backAgain.noOfCriteriaActions).toBe(0);
    const refused = await goBackSegment(ctx, 'SM1').catch((error: unknown) => error);
    expect(isRapportError(refused) && refused.code).toBe('conflict');
  });
});
