import fs from 'node:fs';
import { Client } from 'pg';
import type { TestDatabase } from '../support/databases';

/**
 * Makes the test database really unreachable, and brings it back. SQLite: the file is moved away
 * (a connection to a moved file keeps answering, but what it writes would be lost: the health check
 * treats it as down). PostgreSQL: the database's connections are ended and it is renamed, so
 * reconnecting fails with "database does not exist".
 */
export function databaseBreaker(db: TestDatabase): { breakIt(): Promise<void>; restore(): Promise<void> } {
  if (db.kind === 'sqlite') {
    const file = db.url.slice('sqlite:'.length);
    return {
      breakIt: async () => fs.renameSync(file, `${file}.away`),
      restore: async () => fs.renameSync(`${file}.away`, file),
    };
  }
  const url = new URL(db.url);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = async (sql: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(sql, params);
    } finally {
      await client.end();
    }
  };
  return {
    breakIt: async () => {
      await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      await admin(`ALTER DATABASE ${name} RENAME TO ${name}_away`);
    },
    restore: async () => admin(`ALTER DATABASE ${name}_away RENAME TO ${name}`),
  };
}
