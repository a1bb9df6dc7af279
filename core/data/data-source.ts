import { DataSource, type DataSourceOptions } from 'typeorm';
import { coreEntities } from './entities';
import { coreMigrations } from './migrations';
import { SnakeNamingStrategy } from './naming';
import type { DatabaseTarget } from '../config/database-url';

export interface DataSourceExtras {
  logging?: boolean;
  /** Plugin entities and migrations, known when the database starts. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes as Function
  entities?: readonly Function[];
  migrations?: readonly (new () => object)[];
  /** SQLite only: open without writing anything (the file or its folder is not writable). */
  readOnly?: boolean;
}

/** A TypeORM DataSource (not yet initialised) for the target, with the core entities and migrations. */
export function createDataSource(target: DatabaseTarget, extras: DataSourceExtras = {}): DataSource {
  const common = {
    entities: [...coreEntities, ...(extras.entities ?? [])],
    migrations: [...coreMigrations, ...(extras.migrations ?? [])],
    migrationsTableName: 'etbot_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    logging: extras.logging ?? false,
    synchronize: false,
  };
  let options: DataSourceOptions;
  if (target.kind === 'postgres') {
    // pg reads the URL itself (`password`/`sslpassword` parameters, an `@` in the password); TypeORM's
    // own URL parser gets neither right, so it only learns the database name.
    options = { ...common, type: 'postgres', database: databaseName(target.url), extra: { max: 10, connectionString: target.url } } as DataSourceOptions;
  } else {
    options = {
      ...common,
      type: 'better-sqlite3',
      database: target.path,
      readonly: extras.readOnly === true,
      enableWAL: target.path !== ':memory:' && extras.readOnly !== true,
      timeout: 10_000,
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('busy_timeout = 10000');
        db.pragma('synchronous = NORMAL');
        // A 64 MB page cache: index inserts of a growing database otherwise thrash the default 2 MB.
        db.pragma('cache_size = -65536');
        db.pragma('temp_store = MEMORY');
        // Checkpoint (and fsync) every ~80 MB of WAL rather than every 4 MB.
        db.pragma('wal_autocheckpoint = 20000');
      },
    } as DataSourceOptions;
  }
  return new DataSource(options);
}

function databaseName(url: string): string | undefined {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  return name || undefined;
}
