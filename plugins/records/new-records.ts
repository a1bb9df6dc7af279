import type { BotRule, NewRecord, RoundHeaderRow, RoundValueRow, RoundValuesService } from 'etbot/plugin-api';
import type { RecordStore } from './data/record-store';
import { formatClock, leftOutOfRecords, mapTimes, ROUND_STATS, roundBests } from './record-stats';

/**
 * The records and personal bests one round sets, measured against the book without it (call
 * before the round's values go into the book). Strictly better only: equalling is not news, and
 * neither is a first value with nothing to beat (a player's first round, a map's first time).
 */
export async function findNewRecords(header: RoundHeaderRow, values: RoundValuesService, store: RecordStore, bots: BotRule): Promise<NewRecord[]> {
  const rows = (await values.ofRounds([header.roundId])).filter((r) => !leftOutOfRecords(r, bots));
  const out: NewRecord[] = [];
  for (const best of roundBests(rows, bots)) {
    const stat = ROUND_STATS.find((s) => s.id === best.stat)!;
    const previous = await store.bestValue(best.stat, header.roundId);
    if (previous === null || best.value <= previous) continue;
    const name = rows.find((r) => r.guid === best.guid)!.name;
    out.push({
      kind: 'record',
      stat: stat.id,
      title: stat.title,
      guid: best.guid,
      name,
      value: best.value,
      formatted: stat.format(best.value),
      previous: stat.format(previous),
    });
  }
  for (const time of mapTimes(header)) {
    const previous = await store.mapBest(time.kind, time.map, header.roundId);
    const better = previous.length > 0 && (time.kind === 'fastest' ? time.seconds < previous[0]!.seconds : time.seconds > previous[0]!.seconds);
    if (!better) continue;
    const title = time.kind === 'fastest' ? `Fastest stopwatch time on ${time.map}` : `Most lopsided win on ${time.map}`;
    out.push({
      kind: 'record',
      stat: `${time.kind}-time`,
      title,
      guid: null,
      name: time.map,
      value: time.seconds,
      formatted: formatClock(time.seconds),
      previous: formatClock(previous[0]!.seconds),
    });
  }
  const records = new Set(out.map((r) => `${r.guid}|${r.stat}`));
  out.push(...(await personalBests(header.roundId, rows, values)).filter((pb) => !records.has(`${pb.guid}|${pb.stat}`)));
  return out;
}

async function personalBests(roundId: number, rows: RoundValueRow[], values: RoundValuesService): Promise<NewRecord[]> {
  if (rows.length === 0) return [];
  const history = await values.ofPlayers(rows.map((r) => r.guid));
  const out: NewRecord[] = [];
  for (const row of rows) {
    const earlier = history.filter((h) => h.guid === row.guid && h.roundId !== roundId);
    if (earlier.length === 0) continue;
    for (const stat of ROUND_STATS) {
      const value = stat.value(row.values);
      if (value === null || value <= 0) continue;
      const previous = Math.max(...earlier.map((h) => stat.value(h.values) ?? -Infinity));
      if (previous === -Infinity || value <= previous) continue;
      out.push({
        kind: 'personal-best',
        stat: stat.id,
        title: stat.title,
        guid: row.guid,
        name: row.name,
        value,
        formatted: stat.format(value),
        previous: stat.format(previous),
      });
    }
  }
  return out;
}
