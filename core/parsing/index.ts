export * from './types';
export { WEAPONS, WEAPON_COUNT } from './weapons';
export { stripColors } from './names';
export { classifyFileName, parseFileName } from './file-name';
export { parseStatsFile } from './parse-stats-file';
export { contentHash } from './content-hash';
export { CUMULATIVE_FIELDS, RATIO_OF_CUMULATIVE_FIELDS, IGNORED_FIELDS, PER_ROUND_FIELDS } from './field-kinds';
