import {
  Colors,
  defineCommand,
  nameFormatter,
  NO_ROUNDS_MESSAGE,
  type DataStatusService,
  type EmbedField,
  type MatchResultsService,
  type Reply,
} from 'etbot/plugin-api';
import type { RecordBook } from './record-book';
import { findRoundStat, formatClock, ROUND_STATS, type MapTime, type RoundBest } from './record-stats';

/** Ties beyond this many holders (the first to reach the value first) are counted, not listed. */
const MAX_HOLDERS = 3;

export function recordsCommand(book: RecordBook, ready: () => Promise<void>, status: DataStatusService, players: MatchResultsService) {
  return defineCommand({
    name: 'records',
    aliases: ['record', 'recordbook'],
    description: 'The record book: best single rounds, and per map the fastest stopwatch time',
    category: 'stats',
    args: [{ name: 'what', type: 'string', description: `A stat (${ROUND_STATS.map((s) => s.id).join(', ')}) or a map`, rest: true }] as const,
    examples: ['!records', '!records dpm', '!records supply'],
    async run(ctx, args) {
      if (!(await status.hasRounds())) return { text: NO_ROUNDS_MESSAGE };
      await ready();
      const esc = nameFormatter(ctx.transport);
      const names = async (rows: RoundBest[]) => new Map((await players.players([...new Set(rows.map((r) => r.guid))])).map((p) => [p.guid, p.name]));
      const holders = (rows: RoundBest[], byGuid: Map<string, string>, shared: number) => {
        const lines = rows.map((r) => `${esc(byGuid.get(r.guid) ?? r.guid)} · ${r.endedAtLocal.slice(0, 10)} · ${esc(r.map)} (\`${r.fileName}\`)`);
        if (shared > rows.length) lines.push(`and ${shared - rows.length} more`);
        return lines.join('\n');
      };
      const what = args.what?.trim();
      const stat = what ? findRoundStat(what) : undefined;
      if (stat) {
        const top = await book.top(stat.id, 10);
        if (top.length === 0) return { text: `No round has a ${stat.title.toLowerCase()} yet.` };
        const byGuid = await names(top);
        const lines = top.map(
          (r, i) => `${i + 1}. **${stat.format(r.value)}** ${esc(byGuid.get(r.guid) ?? r.guid)} · ${r.endedAtLocal.slice(0, 10)} · ${esc(r.map)}`,
        );
        return {
          embeds: [
            {
              title: `Records · ${stat.title} in one round`,
              color: Colors.primary,
              description: lines.join('\n'),
              footer: 'The 10 best rounds, each by its best player · bots left out',
            },
          ],
        };
      }
      const map = what || undefined;
      if (map && !(await book.store.hasMap(map))) {
        return { text: `'${esc(map)}' is neither a record (${ROUND_STATS.map((s) => s.id).join(', ')}) nor a map with rounds.`, ephemeral: true };
      }
      const fields: EmbedField[] = [];
      const { rows: all, ties } = await book.bestOfEach(
        ROUND_STATS.map((s) => s.id),
        MAX_HOLDERS,
        map,
      );
      const byGuid = await names(all);
      for (const s of ROUND_STATS) {
        const best = all.filter((b) => b.stat === s.id);
        if (best.length > 0) fields.push({ name: `${s.title}: ${s.format(best[0]!.value)}`, value: holders(best, byGuid, ties.get(s.id) ?? best.length) });
      }
      if (map) {
        fields.push(timeField('Fastest stopwatch time (attackers)', await book.mapBest('fastest', map), esc));
        fields.push(timeField('Most lopsided win (time beaten by)', await book.mapBest('margin', map), esc));
      }
      const reply: Reply = {
        embeds: [
          {
            title: map ? `Records on ${esc(map)}` : 'Record book · single rounds',
            color: Colors.primary,
            fields,
            footer: map
              ? 'Bots left out'
              : `Bots left out · ${ctx.prefix}records <stat> for the top 10, ${ctx.prefix}records <map> for a map's records and times`,
          },
        ],
      };
      return reply;
    },
  });
}

function timeField(name: string, times: MapTime[], esc: (s: string) => string): EmbedField {
  if (times.length === 0) return { name, value: 'none yet' };
  return {
    name: `${name}: ${formatClock(times[0]!.seconds)}`,
    value: times.map((t) => `${t.endedAtLocal.slice(0, 10)} · round ${t.fileName.includes('round-2') ? 2 : 1} (\`${esc(t.fileName)}\`)`).join('\n'),
  };
}
