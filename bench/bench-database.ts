// A PostgreSQL database of a benchmark's own on the server at BENCH_DATABASE_URL (default the local server),
// created for the run and dropped after it. Without a reachable server the benchmark says so and skips it.
import pg from 'pg';

export async function withBenchDatabase(label: string, run: (url: string) => Promise<void>): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: serverUrl });
  const reachable = await admin.connect().then(
    () => true,
    () => false
  );
  if (!reachable) {
    console.log(`${label}-postgres: skipped (no PostgreSQL server at BENCH_DATABASE_URL)`);
    return;
  }
  const name = `hagukumi_${label.replaceAll('-', '_')}_${Date.now()}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await run(url.toString());
  } finally {
    // Every pool of the run is closed by now; a plain drop leaves nothing behind.
    await admin.query(`drop database if exists ${name}`).catch((error: Error) => console.log(`(could not drop ${name}: ${error.message})`));
    await admin.end();
  }
}
