/** Says once, at the top of the run, which database engines the tests use and why. */
export default function globalSetup(): void {
  if (process.env.DATABASE_URL) {
    process.stdout.write('\nDatabase tests run on PGlite and on PostgreSQL (DATABASE_URL).\n');
  } else {
    process.stdout.write('\nDatabase tests run on PGlite only: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to also run them on PostgreSQL, as CI does.\n');
  }
}
