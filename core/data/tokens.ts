import type { DataSource } from 'typeorm';
import { createServiceToken } from '../plugin-api/services';
import type { Database } from './database';
import type { DatabaseAdmin } from './database-admin';
import type { Importer } from '../ingest/importer';

/** Typed service tokens of the data layer and the importer (core's own; plugins get narrow services). */
export const DataServices = {
  /** Transactions and raw SQL on either engine (use `db.transaction` on SQLite: it serialises). */
  Database: createServiceToken<Database>('database'),
  /** The TypeORM DataSource (repositories, query builders). */
  DataSource: createServiceToken<DataSource>('data-source'),
  Importer: createServiceToken<Importer>('importer'),
  /** Health check, upkeep and backups, for the admin plugin. */
  Admin: createServiceToken<DatabaseAdmin>('database-admin'),
} as const;
