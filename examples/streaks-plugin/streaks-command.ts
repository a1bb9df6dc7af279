import { Colors, defineCommand, nameFormatter, resolvePlayerArgument, type PlayerResolver } from 'etbot/plugin-api';
import type { StreakStore } from './streak-store';

/** `!streaks [player]`: longest and current run of rounds with K/D >= minKd, and the best killing spree. */
export function streaksCommand(store: StreakStore, resolver: PlayerResolver, minKd: number) {
  return defineCommand({
    name: 'streaks',
    aliases: ['streak'],
    description: 'Longest run of rounds with K/D of at least 1, and the best killing spree',
    category: 'stats',
    args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)', rest: true }] as const,
    examples: ['!streaks', '!streaks snake'],
    async run(ctx, args) {
      // The player, or the ready reply: not found (with close names), which one?, not linked, no data.
      const { player, reply } = await resolvePlayerArgument(resolver, args.player, ctx);
      if (!player) return reply;
      const streak = await store.get(player.guid);
      const esc = nameFormatter(ctx.transport);
      if (!streak) return { text: `${esc(player.name)} has no counted rounds.` };
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
