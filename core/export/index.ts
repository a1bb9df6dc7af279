export { exportPlayers, exportRounds, exportSessions } from './export';
export { toCsv } from './csv';
export type { ExportPlayer, ExportRound, ExportSession } from './types';
