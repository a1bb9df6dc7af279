/**
 * Test helpers for plugin authors (`import { createTestBot } from 'etbot/testing'`). See PLUGINS.md.
 */
export {
  createTestBot,
  DEFAULT_TEST_USER_ID,
  FIXTURES_DIR,
  type RunOptions,
  type TestBot,
  type TestBotOptions,
  type TestPlugin,
  type TestPluginEntry,
} from './test-bot';
export { ManualClock, settle } from './manual-clock';
export { forEachDatabase, createTestDatabase, type TestDatabase, type TestDatabaseKind } from './databases';
export { loadFixtureTruth, type Truth, type TruthPlayer, type TruthRound, type TruthSession } from './fixture-truth';
export { replyText } from './reply-text';
export { memoryLogger } from './memory-logger';
export { breakDatabase, type DatabaseOutage } from './break-database';
/** The database as `etbot export` writes it: the shape of fixtures/truth.json (`loadFixtureTruth()`). */
export { exportPlayers, exportRounds, exportSessions } from '../export';
// The fake Discord class is loaded lazily by createTestBot; importing it here is type-only so
// `etbot/testing` does not need `ws` unless a test asks for Discord.
export type { FakeDiscord, RecordedRequest, InteractionHandle, SlashOption, InteractionOptions, FakeUser, FakeWorld } from './fake-discord';

// --- Rating (issue 17): more stats files than the shipped fixtures hold (dozens of maps per player). ---
/** Writes generated stats files and their truth.json into `out` (what `etbot fixtures generate` does). */
export { runFixturesGenerate as writeGeneratedFixtures, type FixturesGenerateOptions } from '../parsing/generator/write-fixtures';
export { shuffled } from './shuffle';
export { runEtbot, ETBOT_BIN, type CliResult, type RunEtbotOptions } from './run-etbot';
