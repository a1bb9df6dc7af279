import type { CoreModule, ModuleContext } from '../../app/module';
import { HostServices } from '../../app/tokens';
import { createServiceToken } from '../../plugin-api/services';
import type { Disposable } from '../../plugin-api/disposable';
import type { Announcements } from '../../announcements/announcements';
import { AnnouncementServices } from '../../announcements/tokens';
import type { DiscordBot } from './discord-bot';
import { PlayerIndexToken, type PlayerIndex } from './player-index';

export const DiscordServices = {
  /** The running bot; registered only while Discord is on. */
  Bot: createServiceToken<DiscordBot>('discord-bot'),
} as const;

/** Modes with a long-running bot; one-shot CLI runs never connect to Discord. */
const ONLINE_MODES = new Set(['start', 'test']);

/** The `discord` core module: starts the bot when DISCORD_TOKEN is set, else says clearly that Discord is off. */
export function discordModule(): CoreModule {
  let bot: DiscordBot | null = null;
  let announcementSink: Disposable | null = null;
  return {
    name: 'discord',
    register() {},
    async start(ctx: ModuleContext) {
      const log = ctx.logger.child({ module: 'discord' });
      if (!ONLINE_MODES.has(ctx.mode)) return;
      const token = ctx.secrets.discordToken;
      if (!token) {
        log.info('Discord is off: DISCORD_TOKEN is not set (commands still work from the console)');
        return;
      }
      const { container } = ctx;
      // Loaded only when Discord is on, so one-shot CLI runs do not pay for discord.js.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
      const { DiscordBot } = require('./discord-bot') as typeof import('./discord-bot');
      const started = new DiscordBot({
        token,
        apiUrl: ctx.config.discord.apiUrl,
        discord: ctx.config.discord,
        registry: container.resolve(HostServices.CommandRegistry.id),
        runner: container.resolve(HostServices.CommandRunner.id),
        events: container.resolve(HostServices.Events.id),
        logger: ctx.logger,
        playerIndex: () => (container.isRegistered(PlayerIndexToken.id, true) ? container.resolve<PlayerIndex>(PlayerIndexToken.id) : undefined),
      });
      try {
        await started.start();
        bot = started;
        container.register(DiscordServices.Bot.id, { useValue: started });
        // Announcements (announcer, health alerts) go to Discord channels while the bot is online.
        if (container.isRegistered(AnnouncementServices.Announcements.id, true)) {
          const announcements = container.resolve<Announcements>(AnnouncementServices.Announcements.id);
          announcementSink = announcements.attach({ post: (channelId, reply) => started.postToChannel(channelId, reply) });
        }
      } catch (err) {
        // A wrong token or an unreachable Discord must not take the importer and the console down.
        log.error({ err }, 'Discord bot could not log in; Discord stays off until restart');
        await started.stop().catch(() => undefined);
      }
    },
    async stop() {
      await announcementSink?.dispose();
      announcementSink = null;
      await bot?.stop();
      bot = null;
    },
  };
}
