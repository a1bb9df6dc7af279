import type { BotRule, RoundHeaderRow, RoundValueRow, RoundValues } from 'etbot/plugin-api';

/** A single-round record: the best value one player reached in one round. */
export interface RoundStat {
  id: string;
  title: string;
  /** Null: the row does not qualify (its era lacks the field, or too little time). */
  value(v: RoundValues): number | null;
  format(value: number): string;
}

const count = (value: number) => Math.round(value).toLocaleString('en-US');
/** DPM over less than five minutes is a lucky burst, not a record. */
const DPM_MIN_SECONDS = 300;

export const ROUND_STATS: readonly RoundStat[] = [
  { id: 'kills', title: 'Most kills', value: (v) => v.kills, format: count },
  { id: 'damage', title: 'Most damage given', value: (v) => v.damageGiven, format: count },
  {
    id: 'dpm',
    title: 'Highest DPM (5+ min played)',
    value: (v) => (v.timePlayedSeconds >= DPM_MIN_SECONDS ? (v.damageGiven * 60) / v.timePlayedSeconds : null),
    format: (x) => x.toFixed(1),
  },
  { id: 'spree', title: 'Longest killing spree', value: (v) => v.killingSpree, format: count },
  { id: 'revives', title: 'Most revives given', value: (v) => v.revivesGiven, format: count },
  { id: 'gibs', title: 'Most gibs', value: (v) => v.gibs, format: count },
  { id: 'headshots', title: 'Most headshot kills', value: (v) => v.headshotKills, format: count },
  { id: 'assists', title: 'Most kill assists', value: (v) => v.killAssists, format: count },
  { id: 'useful', title: 'Most useful kills', value: (v) => v.usefulKills, format: count },
  { id: 'xp', title: 'Most XP', value: (v) => v.xp, format: count },
];

export function findRoundStat(id: string): RoundStat | undefined {
  return ROUND_STATS.find((s) => s.id === id.toLowerCase());
}

/** Bots hold no records unless the core bot rule includes them. */
export function leftOutOfRecords(row: RoundValueRow, bots: BotRule): boolean {
  return bots.leftOut({ guid: row.guid, name: row.name, otherNames: [row.nameInRound] });
}

export interface RoundBest {
  stat: string;
  roundId: number;
  guid: string;
  value: number;
  map: string;
  fileName: string;
  endedAtLocal: string;
}

/** Each round's best player(s) per stat (ties kept), bots left out; a best of 0 is no record. */
export function roundBests(rows: readonly RoundValueRow[], bots: BotRule): RoundBest[] {
  const byRound = new Map<number, RoundValueRow[]>();
  for (const row of rows) {
    if (leftOutOfRecords(row, bots)) continue;
    const list = byRound.get(row.roundId);
    if (list) list.push(row);
    else byRound.set(row.roundId, [row]);
  }
  const out: RoundBest[] = [];
  for (const list of byRound.values()) {
    for (const stat of ROUND_STATS) {
      const scored = list.map((row) => ({ row, value: stat.value(row.values) })).filter((s): s is { row: RoundValueRow; value: number } => s.value !== null);
      const best = Math.max(0, ...scored.map((s) => s.value));
      if (best <= 0) continue;
      for (const s of scored) {
        if (s.value !== best) continue;
        out.push({
          stat: stat.id,
          roundId: s.row.roundId,
          guid: s.row.guid,
          value: best,
          map: s.row.map,
          fileName: s.row.fileName,
          endedAtLocal: s.row.endedAtLocal,
        });
      }
    }
  }
  return out;
}

export type MapTimeKind = 'fastest' | 'margin';

export interface MapTime {
  kind: MapTimeKind;
  roundId: number;
  map: string;
  seconds: number;
  fileName: string;
  endedAtLocal: string;
}

/**
 * What a header says about stopwatch times (spec §2, §6). When the attackers succeed, nextTimeLimit
 * is the time they set (`fastest`); an R2 whose attackers beat the time to beat (timelimit) won
 * 2-0 by the difference (`margin`). Orphans, unknown winners and nextTimeLimit values that cannot
 * be a time set (`0:00`, server uptime above the limit) give nothing.
 */
export function mapTimes(header: RoundHeaderRow): MapTime[] {
  if (header.orphan || header.attackersSucceeded !== true) return [];
  const set = header.nextTimeLimitSeconds;
  if (set <= 0 || set >= header.timeLimitSeconds) return [];
  const base = { roundId: header.roundId, map: header.map, fileName: header.fileName, endedAtLocal: header.endedAtLocal };
  const out: MapTime[] = [{ kind: 'fastest', seconds: set, ...base }];
  if (header.roundNumber === 2) out.push({ kind: 'margin', seconds: header.timeLimitSeconds - set, ...base });
  return out;
}

export function formatClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
