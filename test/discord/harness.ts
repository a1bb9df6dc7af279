import { Writable } from 'node:stream';
import { CommandRegistry } from '../../core/commands/registry';
import { CommandRunner } from '../../core/commands/runner';
import { EventBus } from '../../core/events/event-bus';
import { createLogger } from '../../core/logging/create-logger';
import type { CommandDefinition } from '../../core/plugin-api/commands';
import { systemClock } from '../../core/scheduler/clock';
import { DiscordBot, type DiscordConfig } from '../../core/transports/discord/discord-bot';
import type { PlayerIndex } from '../../core/transports/discord/player-index';
import { FakeDiscord, type FakeWorld } from '../fake-discord';

export const TOKEN = 'fake-discord-token-never-logged';

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  registry: CommandRegistry;
  events: EventBus;
  /** Every log line the bot wrote (JSON). */
  logs: string[];
  stop(): Promise<void>;
}

/** Names starting with the typed text, like the data layer's index will give. */
export class ListPlayerIndex implements PlayerIndex {
  constructor(private readonly names: string[]) {}
  async suggest(prefix: string, limit: number): Promise<{ name: string; value: string }[]> {
    const lower = prefix.toLowerCase();
    return this.names
      .filter((n) => n.toLowerCase().startsWith(lower))
      .slice(0, limit)
      .map((n) => ({ name: n, value: n }));
  }
}

/** A fake Discord, a registry with `commands`, and a real DiscordBot logged into the fake. */
export async function startHarness(options: {
  commands: CommandDefinition[];
  discord?: (world: FakeWorld) => Partial<DiscordConfig>;
  playerIndex?: PlayerIndex;
}): Promise<Harness> {
  const fake = new FakeDiscord();
  await fake.start();
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    pretty: false,
    secrets: [TOKEN],
    destination: new Writable({
      write(chunk, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    }),
  });
  const discord: DiscordConfig = {
    prefix: '!',
    adminUserIds: [fake.world.users.admin.id],
    adminRoleIds: [fake.world.roles.admin],
    categoryChannels: {},
    guildId: fake.world.guildId,
    ...options.discord?.(fake.world),
  };
  const registry = new CommandRegistry();
  const events = new EventBus(logger);
  for (const command of options.commands) registry.register('test', command);
  const runner = new CommandRunner(registry, logger, systemClock, { prefix: discord.prefix, categoryChannels: discord.categoryChannels });
  const bot = new DiscordBot({ token: TOKEN, apiUrl: fake.apiUrl, discord, registry, runner, events, logger, playerIndex: () => options.playerIndex });
  await bot.start();
  await bot.settled();
  return {
    fake,
    bot,
    registry,
    events,
    logs,
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}
