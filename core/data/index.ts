export * from './entities';
export { coreMigrations } from './migrations';
export { createDataSource, type DataSourceExtras } from './data-source';
export {
  resolveDatabaseTarget,
  describeTarget,
  redactUrl,
  urlSecrets,
  databaseUrlProblem,
  DatabaseUrlError,
  type DatabaseTarget,
} from '../config/database-url';
export { Database, openDatabase, type OpenDatabaseOptions } from './database';
export { runMigrations } from './run-migrations';
export { Sql, num, bool, type DatabaseKind, type SqlValue } from './sql';
export { DataServices } from './tokens';
export { databaseModule } from './module';
