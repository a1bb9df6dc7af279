export {
  Importer,
  ImportFailedError,
  DEFAULT_IMPORT_SETTINGS,
  type ImportOptions,
  type ImportOutcome,
  type ImportStatus,
  type ImportEventSink,
  type ImporterSettings,
} from './importer';
export { importPaths, listStatsFiles, addToSummary, type ImportSummary, type ImportPathsOptions } from './import-paths';
export { DEFAULT_BATCH, type ImportItem, type BatchOptions } from './import-batch';
export {
  withTransientRetry,
  isTransientDatabaseError,
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  type RetryOptions,
  type RetryLogger,
} from './retry';
