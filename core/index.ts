/**
 * etbot's programmatic entry: build and run the bot from code. Plugin authors want
 * `etbot/plugin-api` (the typed plugin API) and `etbot/testing` (createTestBot) instead.
 */
export { App, type AppOptions } from './app/app';
export type { AppMode, CoreModule, ModuleContext } from './app/module';
export { coreModules } from './app/modules';
export { CoreServices } from './app/tokens';
export { handleShutdownSignals } from './app/shutdown';
export { loadConfig, ConfigError, maskedConfig, type LoadConfigOptions, type LoadedConfig } from './config/load-config';
export type { EtbotConfig, CollectorConfig, Secrets } from './config/schema';
export { createLogger, silentLogger } from './logging/create-logger';
export { main as runCli } from './cli/main';
export { parseStatsFile, contentHash } from './parsing';
export { PLUGIN_API_VERSION } from './plugin-api/version';
