import {
  Colors,
  defineCommand,
  NO_ROUNDS_MESSAGE,
  resolvePlayerArgument,
  type DataStatusService,
  type PlayerResolver,
  type PlayerStatsService,
  type Reply,
  type RoundLookupService,
  type RoundValuesService,
  type SessionRowsService,
  type SessionSummaryService,
} from 'etbot/plugin-api';
import { explainMap } from './explain-map';
import { findStatExplanation } from './explain-stat';
import { findMapRounds } from './find-map-rounds';

export interface WhyDeps {
  lookup: RoundLookupService;
  values: RoundValuesService;
  sessionRows: SessionRowsService;
  resolver: PlayerResolver;
  playerStats: PlayerStatsService;
  status: DataStatusService;
  /** The last-session plugin's summaries, for `!why mvp`; undefined when that plugin is off. */
  summary: SessionSummaryService | undefined;
}

/** `!why <map | file | last>` explains a map result; `!why <stat> [player]` takes a `!stats` number apart. */
export function whyCommand(deps: WhyDeps) {
  return defineCommand({
    name: 'why',
    description: 'Why a map result or a !stats number is what it is: files, header fields, sums and rules',
    category: 'stats',
    args: [
      { name: 'what', type: 'string', description: 'A map, a stats file name, last, mvp, or a stat (kd, dpm, accuracy, ...)', rest: false },
      { name: 'player', type: 'player', description: 'For a stat: name, part of a name, GUID or @user; default: you (linked)', rest: true },
    ] as const,
    examples: ['!why last', '!why mvp', '!why supply', '!why 2025-11-07-205036-supply-round-2.txt', '!why kd slasher'],
    async run(ctx, args): Promise<Reply> {
      if (!(await deps.status.hasRounds())) return { text: NO_ROUNDS_MESSAGE };
      const what = args.what ?? 'last';
      if (what.toLowerCase() === 'mvp') return mvpReply(deps.summary);
      const stat = findStatExplanation(what);
      if (stat) {
        const { player, reply } = await resolvePlayerArgument(deps.resolver, args.player, ctx);
        if (!player) return reply;
        const summary = await deps.playerStats.summary(player);
        return {
          embeds: [{ title: `Why: ${stat.label} of ${player.name}, all time`, description: stat.explain(summary.totals).join('\n'), color: Colors.neutral }],
        };
      }
      const rounds = await findMapRounds(what, deps);
      if (!rounds) {
        return {
          text: `No round of a map '${what}', no stats file by that name and no stat by that name. Try ${ctx.prefix}why last, ${ctx.prefix}why supply or ${ctx.prefix}why kd <player>.`,
        };
      }
      const { title, lines } = explainMap(rounds.r1, rounds.r2);
      return { embeds: [{ title, description: lines.join('\n'), color: Colors.neutral }] };
    },
  });
}

/** The last session's MVP taken apart, by the plugin that picks it. */
async function mvpReply(summary: SessionSummaryService | undefined): Promise<Reply> {
  if (!summary) return { text: 'The MVP is picked by the last-session plugin, which is not enabled.' };
  const session = await summary.lastSession();
  if (!session) return { text: NO_ROUNDS_MESSAGE };
  const { title, lines } = summary.explainMvp(session);
  return { embeds: [{ title, description: lines.join('\n'), color: Colors.neutral }] };
}
