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
import { findSessionMaps } from './find-session-maps';
import { explainSessionMvp, MVP_NEEDS_LAST_SESSION, whySessionReply } from './why-session';

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

/**
 * `!why <map | file | last>` explains a map result; `!why mvp [session]` the MVP, `!why session
 * [session]` both for every map of a session; `!why <stat> [player]` takes a `!stats` number apart.
 */
export function whyCommand(deps: WhyDeps) {
  return defineCommand({
    name: 'why',
    description: 'Why a map result or a !stats number is what it is: files, header fields, sums and rules',
    category: 'stats',
    args: [
      { name: 'what', type: 'string', description: 'A map, a stats file name, last, mvp, session, or a stat (kd, dpm, accuracy, ...)', rest: false },
      {
        name: 'player',
        type: 'player',
        description: 'For a stat: name, part of a name, GUID or @user (default: you); mvp, session: a number',
        rest: true,
      },
    ] as const,
    examples: ['!why last', '!why mvp', '!why session 2', '!why supply', '!why 2025-11-07-205036-supply-round-2.txt', '!why kd slasher'],
    async run(ctx, args): Promise<Reply> {
      if (!(await deps.status.hasRounds())) return { text: NO_ROUNDS_MESSAGE };
      const what = args.what ?? 'last';
      const word = what.toLowerCase();
      if (word === 'mvp' || word === 'session') {
        const number = sessionNumber(args.player);
        if (number === 'invalid') return { text: `A session is given by its number, as ${ctx.prefix}sessions shows it: ${ctx.prefix}why ${word} 2.` };
        const found = await findSessionMaps(number, deps);
        if (!found) return { text: number === undefined ? NO_ROUNDS_MESSAGE : `There is no session #${number}.` };
        if (word === 'session') return whySessionReply(found, deps.summary, ctx.transport);
        const mvp = await explainSessionMvp(deps.summary, found.sessionId);
        return mvp ? { embeds: [{ title: mvp.title, description: mvp.lines.join('\n'), color: Colors.neutral }] } : { text: MVP_NEEDS_LAST_SESSION };
      }
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

/** A session number (1 = the first session), nothing for the last session. */
function sessionNumber(text: string | undefined): number | undefined | 'invalid' {
  const t = text?.trim() ?? '';
  if (t === '') return undefined;
  const n = /^#?(\d{1,9})$/.exec(t);
  return n && Number(n[1]) >= 1 ? Number(n[1]) : 'invalid';
}
