import type { Database } from '../data/database';
import { Sql } from '../data/sql';
import type { PluginStorage } from '../plugin-api/storage';

/**
 * `api.storage`: the database, guarded so that a plugin's SQL names only its own tables. The check
 * reads the table after FROM / JOIN / INTO / UPDATE / TABLE, which is where a statement names one.
 */
export function createPluginStorage(pluginId: string, database: () => Database, coreTables: () => readonly string[]): PluginStorage {
  const guard = (sql: Sql): Sql => {
    const tables = new Set(coreTables().map((t) => t.toLowerCase()));
    const check = (text: string) => {
      for (const m of text.matchAll(/\b(?:from|join|into|update|table(?:\s+if\s+(?:not\s+)?exists)?)\s+["`]?([a-z_][a-z0-9_]*)/gi)) {
        const table = m[1]!.toLowerCase();
        if (tables.has(table)) {
          throw new Error(`plugin '${pluginId}' may not use the core table '${table}' in SQL: read core data through the query services (see PLUGINS.md)`);
        }
      }
    };
    return new Proxy(sql, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'all' || prop === 'one' || prop === 'run' || prop === 'later' || prop === 'simple') {
          return (text: string, ...rest: unknown[]) => {
            check(text);
            return (value as (...a: unknown[]) => unknown).call(target, text, ...rest);
          };
        }
        if (prop === 'insertMany' || prop === 'insertReturningId') {
          return (table: string, ...rest: unknown[]) => {
            check(`INTO ${table}`);
            return (value as (...a: unknown[]) => unknown).call(target, table, ...rest);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  };
  return {
    get kind() {
      return database().kind;
    },
    get readOnly() {
      return database().readOnly;
    },
    read: (fn) => database().read((sql) => fn(guard(sql))),
    transaction: (fn) => database().transaction((sql) => fn(guard(sql))),
  };
}
