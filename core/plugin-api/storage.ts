import type { DatabaseKind, Sql } from '../data/sql';

/**
 * A plugin's access to its own tables (declared in `entities`, made by `migrations`). Statements
 * that name a core table are refused: core data is read through the query services, so the core
 * can change its tables without breaking plugins.
 */
export interface PluginStorage {
  readonly kind: DatabaseKind;
  /** The database was opened read-only (a file etbot may not write): reads work, writes fail. */
  readonly readOnly: boolean;
  /** A read; on SQLite it takes its turn on the one connection. */
  read<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** One transaction: all of `fn`'s writes or none. */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
}
