import type { DataSource } from 'typeorm';
import { DatabaseOpenError } from './database-open-error';

/** Runs pending migrations (core and plugins'), each in its own transaction; returns their names. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const done = await dataSource.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}

/** A read-only database cannot be migrated: fine when nothing is pending, one clear error otherwise. */
export async function refuseMigrationsReadOnly(dataSource: DataSource, description: string): Promise<string[]> {
  const pending = await dataSource.showMigrations().catch(() => true);
  if (pending) throw new DatabaseOpenError(`${description} is read-only and its schema is out of date: open it once where it can be written (etbot migrate)`);
  return [];
}
