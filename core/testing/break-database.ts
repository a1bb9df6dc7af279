import fs from 'node:fs';
import { Client } from 'pg';

/** A database made unreachable by `breakDatabase`; `restore()` brings it back. */
export interface DatabaseOutage {
  restore(): Promise<void>;
}

/**
 * Makes a test's database really unreachable (for health checks and retry paths), until
 * `restore()`. SQLite: the file is moved away (a connection to a moved file keeps answering, but
 * what it writes would be lost: etbot's health check treats it as down). PostgreSQL: the
 * database's connections are ended and it is renamed, so reconnecting fails with "database does
 * not exist". Give it a database the test owns (`forEachDatabase`'s `handle.url`).
 */
export async function breakDatabase(url: string): Promise<DatabaseOutage> {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    fs.renameSync(file, `${file}.away`);
    return { restore: async () => fs.renameSync(`${file}.away`, file) };
  }
  const server = new URL(url);
  const name = decodeURIComponent(server.pathname.slice(1));
  // A database shared with others (the server's own, or a schema in one) must not be cut off.
  if (!name || name === 'postgres' || server.searchParams.has('options')) {
    throw new Error(`breakDatabase needs a database of the test's own (forEachDatabase's handle.url), not ${name || 'the default database'}`);
  }
  server.pathname = '/postgres';
  const admin = async (sql: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql, params);
    } finally {
      await client.end();
    }
  };
  await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
  await admin(`ALTER DATABASE "${name}" RENAME TO "${name}_away"`);
  return { restore: () => admin(`ALTER DATABASE "${name}_away" RENAME TO "${name}"`) };
}
