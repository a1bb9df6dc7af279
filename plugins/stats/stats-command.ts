import { defineCommand, nameFormatter, resolvePlayerArgument, type BotRule, type PlayerResolver, type PlayerStatsService } from 'etbot/plugin-api';
import { statsEmbed } from './stats-embed';

/** `!stats [player]`: a player's totals. */
export function statsCommand(resolver: PlayerResolver, playerStats: PlayerStatsService, bots: BotRule) {
  return defineCommand({
    name: 'stats',
    aliases: ['player'],
    description: "A player's totals: K/D, DPM, accuracy, weapons, maps, names",
    category: 'stats',
    args: [{ name: 'player', type: 'player', description: 'Name, part of a name, GUID or @user; default: you (linked)' }] as const,
    examples: ['!stats', '!stats snake', '!stats @someone'],
    async run(ctx, args) {
      const { player, reply } = await resolvePlayerArgument(resolver, args.player, ctx);
      if (!player) return reply;
      const profile = await playerStats.profile(player);
      const candidate = { guid: profile.player.guid, name: profile.player.name, otherNames: profile.otherNames };
      const bot = { isBot: bots.isBot(candidate), leftOut: bots.leftOut(candidate) };
      return { embeds: [statsEmbed(profile, nameFormatter(ctx.transport), bot)] };
    },
  });
}
