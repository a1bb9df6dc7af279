import { Colors, defineCommand, nameFormatter, playerProblemReply, type PlayerResolver, type Reply } from 'etbot/plugin-api';
import type { StreakStore } from './streak-store';

/** `!streaks [player]`: longest and current run of rounds with K/D >= minKd, and the best killing spree. */
export function streaksCommand(store: StreakStore, resolver: PlayerResolver, minKd: number, prefix: () => string) {
  return defineCommand({
    name: 'streaks',
    aliases: ['streak'],
    description: 'Longest run of rounds with K/D of at least 1, and the best killing spree',
    category: 'stats',
    args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)', rest: true }] as const,
    examples: ['!streaks', '!streaks snake'],
    async run(ctx, args): Promise<Reply> {
      const resolved = await resolver.resolve(args.player, ctx.caller);
      const problem = playerProblemReply(resolved, ctx.transport, prefix());
      if (problem || resolved.kind !== 'found') return problem!;
      const streak = await store.get(resolved.player.guid);
      const esc = nameFormatter(ctx.transport);
      if (!streak) return { text: `${esc(resolved.player.name)} has no counted rounds.` };
      const rounds = (n: number) => `${n} round${n === 1 ? '' : 's'}`;
      const kd = minKd.toFixed(2).replace(/\.?0+$/, '');
      return {
        embeds: [
          {
            title: `Streaks for ${esc(streak.name)}`,
            color: Colors.primary,
            fields: [
              {
                name: `Longest run (K/D ≥ ${kd})`,
                value: streak.longestRun > 0 ? `${rounds(streak.longestRun)}: ${esc(streak.longestFrom!)} to ${esc(streak.longestTo!)}` : 'none',
              },
              { name: 'Current run', value: rounds(streak.currentRun), inline: true },
              { name: 'Rounds counted', value: String(streak.rounds), inline: true },
              { name: 'Best killing spree', value: streak.bestSpree > 0 ? `${streak.bestSpree} kills (${esc(streak.bestSpreeAt!)})` : 'none' },
            ],
            footer: `K/D per round = kills / deaths (kills when no deaths) · GUID ${streak.guid}`,
          },
        ],
      };
    },
  });
}
