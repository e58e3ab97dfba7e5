export default async function globalTeardown() {
  globalThis.__archalPostgres?.stop();
}
