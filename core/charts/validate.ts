import type { RadarChartData, SessionChartData } from './types';

/** Bad chart input: the message names the field and the reason. */
export class ChartDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartDataError';
  }
}

function finite(value: unknown, field: string, { min = 0 }: { min?: number } = {}): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ChartDataError(`${field} must be a finite number, got ${String(value)}`);
  }
  if (value < min) throw new ChartDataError(`${field} must be >= ${min}, got ${value}`);
}

function percentOrNull(value: unknown, field: string): void {
  if (value === null) return;
  finite(value, field);
  if ((value as number) > 100) throw new ChartDataError(`${field} is a percentage and must be <= 100, got ${String(value)}`);
}

function text(value: unknown, field: string): void {
  if (typeof value !== 'string') throw new ChartDataError(`${field} must be a string, got ${typeof value}`);
}

export function validateSessionData(data: SessionChartData): void {
  if (data === null || typeof data !== 'object') throw new ChartDataError('session chart data must be an object');
  text(data.title, 'session.title');
  if (!Array.isArray(data.players)) throw new ChartDataError('session.players must be an array');
  if (!Array.isArray(data.weapons)) throw new ChartDataError('session.weapons must be an array');
  data.players.forEach((p, i) => {
    const at = `session.players[${i}]`;
    text(p.name, `${at}.name`);
    finite(p.kills, `${at}.kills`);
    finite(p.deaths, `${at}.deaths`);
    finite(p.dpm, `${at}.dpm`);
    percentOrNull(p.accuracy, `${at}.accuracy`);
    finite(p.timePlayedSeconds, `${at}.timePlayedSeconds`);
    finite(p.timeDeadSeconds, `${at}.timeDeadSeconds`);
    finite(p.damageGiven, `${at}.damageGiven`);
    finite(p.damageReceived, `${at}.damageReceived`);
  });
  data.weapons.forEach((w, i) => {
    text(w.name, `session.weapons[${i}].name`);
    finite(w.kills, `session.weapons[${i}].kills`);
  });
}

export function validateRadarData(data: RadarChartData): void {
  if (data === null || typeof data !== 'object') throw new ChartDataError('radar chart data must be an object');
  text(data.title, 'radar.title');
  if (!Array.isArray(data.players) || data.players.length !== 2) {
    throw new ChartDataError('radar.players must hold exactly two players');
  }
  data.players.forEach((p, i) => {
    const at = `radar.players[${i}]`;
    text(p.name, `${at}.name`);
    finite(p.killDeathRatio, `${at}.killDeathRatio`);
    finite(p.dpm, `${at}.dpm`);
    percentOrNull(p.accuracy, `${at}.accuracy`);
    percentOrNull(p.headshotPercent, `${at}.headshotPercent`);
    finite(p.revivesPerRound, `${at}.revivesPerRound`);
    finite(p.objectivesPerRound, `${at}.objectivesPerRound`);
  });
}
