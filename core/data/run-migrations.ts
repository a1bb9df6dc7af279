import type { DataSource } from 'typeorm';

/** Runs pending migrations (core and plugins'), each in its own transaction; returns their names. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const done = await dataSource.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}
