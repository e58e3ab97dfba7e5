// Starts the suite's PostgreSQL unless ARCHAL_TEST_DATABASE_URL points at one already.
// Workers inherit the URL through the environment.
import { startPostgres } from './postgres.mjs';

export default async function globalSetup() {
  if (process.env.ARCHAL_TEST_DATABASE_URL) return;
  const pg = await startPostgres();
  process.env.ARCHAL_TEST_DATABASE_URL = pg.url;
  globalThis.__archalPostgres = pg;
}
