import { kdRatio, perMinute, type SessionRoundStatRow } from 'etbot/plugin-api';
import type { TeamId } from '../summary/types';

export interface TimelineRound {
  roundId: number;
  map: string;
  roundNumber: number;
}

export interface TimelinePlayer {
  guid: string;
  /** Clean name (no colour codes). */
  name: string;
  team: TeamId | null;
  /** DPM over the whole session (ranks the highlighted lines). */
  sessionDpm: number | null;
  /** Per round of `rounds`: null where the player did not play it. */
  dpm: (number | null)[];
  kd: (number | null)[];
  /** Session form: DPM over the rounds played so far (running sums, spec §5: never averaged). */
  form: (number | null)[];
}

export interface TimelineData {
  /** Rounds that count in totals, in play order (orphan R2s left out: their numbers cover two rounds). */
  rounds: TimelineRound[];
  /** Most session DPM first. */
  players: TimelinePlayer[];
}

/** Each player's DPM, K/D and running DPM round by round, from a session's rows (in play order). */
export function buildTimeline(rows: readonly SessionRoundStatRow[]): TimelineData {
  const counted = rows.filter((r) => r.inTotals);
  const rounds: TimelineRound[] = [];
  const index = new Map<number, number>();
  for (const r of counted) {
    if (index.has(r.roundId)) continue;
    index.set(r.roundId, rounds.length);
    rounds.push({ roundId: r.roundId, map: r.map, roundNumber: r.roundNumber });
  }
  const players = new Map<string, TimelinePlayer & { damage: number; seconds: number }>();
  for (const r of counted) {
    let p = players.get(r.guid);
    if (!p) {
      const empty = () => rounds.map((): number | null => null);
      p = { guid: r.guid, name: r.name, team: r.team, sessionDpm: null, dpm: empty(), kd: empty(), form: empty(), damage: 0, seconds: 0 };
      players.set(r.guid, p);
    }
    const i = index.get(r.roundId)!;
    p.dpm[i] = perMinute(r.damageGiven, r.timePlayedSeconds);
    p.kd[i] = kdRatio(r.kills, r.deaths);
    p.damage += r.damageGiven;
    p.seconds += r.timePlayedSeconds;
    p.form[i] = perMinute(p.damage, p.seconds);
  }
  const list = [...players.values()].map(({ damage, seconds, ...p }) => ({ ...p, sessionDpm: perMinute(damage, seconds) }));
  list.sort((a, b) => (b.sessionDpm ?? 0) - (a.sessionDpm ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { rounds, players: list };
}
