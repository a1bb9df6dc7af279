import type { SessionChartData } from 'etbot/plugin-api';
import type { SessionReport } from './types';

/** The charts' input for a session: every counted player, kills by weapon. */
export function sessionChartData(report: SessionReport): SessionChartData {
  const maps = report.mapCount === 1 ? '1 map' : `${report.mapCount} maps`;
  return {
    title: `Session ${report.date} · ${report.start.slice(11, 16)}–${report.end.slice(11, 16)} · ${maps}`,
    players: report.players.map((p) => ({
      name: p.rawName,
      kills: p.kills,
      deaths: p.deaths,
      dpm: p.dpm ?? 0,
      accuracy: p.accuracy,
      timePlayedSeconds: p.timePlayedSeconds,
      timeDeadSeconds: p.timeDeadSeconds,
      damageGiven: p.damageGiven,
      damageReceived: p.damageReceived,
    })),
    weapons: report.weapons.map((w) => ({ name: w.name, kills: w.kills })),
  };
}
