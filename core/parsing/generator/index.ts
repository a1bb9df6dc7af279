export { generateFixtures, tenthsOfMs, type GenerateOptions, type GenerateResult, type GeneratedFile, type WrittenFile } from './generate';
export type { Truth, TruthPlayer, TruthRound, TruthSession } from './truth';
export { ERA_FIELD_ORDER, type WrittenLine, type HeaderValues } from './lua-format';
export { writeFixtures, runFixturesGenerate, type FixturesGenerateOptions } from './write-fixtures';
