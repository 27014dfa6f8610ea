import { migrate, MIGRATIONS, splitStatements } from '../../src/server/db/migrate';
import { openTestDb, testEngines, type TestDb } from '../helpers/engines';

describe.each(testEngines())('the database on %s', (engine) => {
  let test$: TestDb;
  beforeAll(async () => {
    test$ = await openTestDb(engine);
  });
  afterAll(() => test$.dispose());

  test('migrating again applies nothing and keeps the data', async () => {
    await test$.db.query("INSERT INTO tenant (id) VALUES ('migrate-again')");
    expect(await migrate(test$.db)).toEqual([]);
    const versions = await test$.db.query<{ version: number }>('SELECT version FROM schema_migration ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(await test$.db.query("SELECT id FROM tenant WHERE id = 'migrate-again'")).toHaveLength(1);
  });

  test('a failing migration leaves nothing behind', async () => {
    const broken = [{ version: 9001, name: 'broken', sql: 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;' }];
    await expect(migrate(test$.db, broken)).rejects.toThrow();
    expect(await test$.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")).toEqual([]);
    expect(await test$.db.query('SELECT 1 FROM schema_migration WHERE version = 9001')).toEqual([]);
  });

  test('a transaction that throws is rolled back and the error passes through', async () => {
    await expect(
      test$.db.transaction(async (tx) => {
        await tx.query("INSERT INTO tenant (id) VALUES ('rolled-back')");
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await test$.db.query("SELECT 1 FROM tenant WHERE id = 'rolled-back'")).toEqual([]);
  });

  test('dates, numbers and big integers read the same on both engines', async () => {
    const [row] = await test$.db.query("SELECT '2025-03-05'::date AS d, 1.25::numeric AS n, 9007199254740::bigint AS b, ARRAY['a','b'] AS a");
    expect(row).toEqual({ d: '2025-03-05', n: 1.25, b: 9007199254740, a: ['a', 'b'] });
  });

  test('the database answers the health check', async () => {
    expect(await test$.db.ping()).toBe(true);
  });
});

test('migrations split into statements at line-ending semicolons', () => {
  expect(splitStatements('CREATE TABLE a (x int);\n-- a comment\nCREATE INDEX b ON a (x);\n')).toEqual(['CREATE TABLE a (x int)', 'CREATE INDEX b ON a (x)']);
});
