export { exportPlayers, exportRounds, exportSessions, type ExportPlayersOptions } from './export';
export { toCsv } from './csv';
export type { ExportPlayer, ExportRound, ExportSession } from './types';
