import { Sql } from '../../data/sql';
import { utcIso } from '../derive/local-time';
import { toStored, type StoredRound } from './pairing-store';

/**
 * Every stored round of one server in a few stretches of time (around a batch's files), kept in
 * memory for a batch import and updated as it inserts rounds: the pairing component of a new
 * round is found here instead of with a query per file. Only a component that lies wholly inside
 * one stretch is answered.
 */
export class RoundsWindow {
  private readonly byMap = new Map<string, StoredRound[]>();

  private constructor(
    readonly serverId: string,
    private readonly spans: readonly { fromMs: number; toMs: number }[],
    rounds: readonly StoredRound[],
  ) {
    for (const r of rounds) this.add(r);
  }

  /** Loads the rounds around `times` (the batch's end times): one stretch per cluster of them. */
  static async load(sql: Sql, serverId: string, times: readonly number[], pairingWindowMinutes: number): Promise<RoundsWindow | null> {
    if (times.length === 0) return null;
    const margin = 3 * pairingWindowMinutes * 60_000;
    const spans: { fromMs: number; toMs: number }[] = [];
    for (const t of [...times].sort((a, b) => a - b)) {
      const last = spans[spans.length - 1];
      if (last && t - margin <= last.toMs) last.toMs = t + margin;
      else spans.push({ fromMs: t - margin, toMs: t + margin });
    }
    const rows = await sql.all(
      `SELECT id, map, round_number, ended_at_utc, file_name, status, paired_round_id, match_id, session_id, attackers_succeeded
       FROM rounds WHERE server_id = ? AND (${spans.map(() => '(ended_at_utc >= ? AND ended_at_utc <= ?)').join(' OR ')})`,
      [serverId, ...spans.flatMap((s) => [utcIso(s.fromMs), utcIso(s.toMs)])],
    );
    return new RoundsWindow(serverId, spans, rows.map(toStored));
  }

  add(round: StoredRound): void {
    let list = this.byMap.get(round.map);
    if (!list) this.byMap.set(round.map, (list = []));
    let i = list.length;
    while (i > 0 && list[i - 1]!.endedAtMs > round.endedAtMs) i--;
    list.splice(i, 0, round);
  }

  /**
   * The rounds of `map` chained to `endedAtMs` by gaps within the pairing window (as
   * loadComponent finds them), or undefined when the chain may reach beyond the window.
   */
  component(serverId: string, map: string, endedAtMs: number, windowMinutes: number): StoredRound[] | undefined {
    if (serverId !== this.serverId) return undefined;
    const w = windowMinutes * 60_000;
    const rounds = this.byMap.get(map) ?? [];
    let lo = endedAtMs;
    let hi = endedAtMs;
    for (const r of rounds) if (r.endedAtMs >= endedAtMs && r.endedAtMs - hi <= w) hi = r.endedAtMs;
    for (let i = rounds.length - 1; i >= 0; i--) {
      const r = rounds[i]!;
      if (r.endedAtMs <= endedAtMs && lo - r.endedAtMs <= w) lo = r.endedAtMs;
    }
    if (!this.spans.some((s) => lo - w >= s.fromMs && hi + w <= s.toMs)) return undefined;
    return rounds.filter((r) => r.endedAtMs >= lo && r.endedAtMs <= hi).map((r) => ({ ...r }));
  }
}
