export { Importer, ImportFailedError, DEFAULT_IMPORT_SETTINGS, type ImportOptions, type ImportOutcome, type ImportStatus, type ImportEventSink, type ImporterSettings } from './importer';
export { importPaths, listStatsFiles, addToSummary, type ImportSummary, type ImportPathsOptions } from './import-paths';
