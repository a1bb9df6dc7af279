import { Events as SapphireEvents, SapphireClient, type UnknownMessageCommandPayload } from '@sapphire/framework';
import {
  Events,
  GatewayIntentBits,
  MessageFlags,
  Routes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type GuildMember,
  type Interaction,
  type Message,
  type RepliableInteraction,
  type User,
} from 'discord.js';
import type { CommandRegistry } from '../../commands/registry';
import type { CommandRequest, CommandRunner } from '../../commands/runner';
import { closest } from '../../commands/suggest';
import type { EtbotConfig } from '../../config/schema';
import type { EventBus } from '../../events/event-bus';
import type { Logger } from '../../logging/logger';
import type { CommandDefinition } from '../../plugin-api/commands';
import type { Disposable } from '../../plugin-api/disposable';
import type { Reply } from '../../plugin-api/reply';
import { actionLine, isActionButton } from './action-buttons';
import { discordCaller } from './caller';
import { PaginationSessions } from './pagination';
import type { PlayerIndex } from './player-index';
import { clip, NO_MENTIONS, renderReply } from './render-reply';
import { commandPiece } from './sapphire-commands';
import { sapphireLogger } from './sapphire-logger';
import { SerialTask } from './serial-task';
import { slashCommandData } from './slash-command-data';

export type DiscordConfig = EtbotConfig['discord'];

export interface DiscordBotOptions {
  /** From DISCORD_TOKEN; never logged. */
  token: string;
  /** REST base such as `http://127.0.0.1:PORT/api`; default Discord's. */
  apiUrl?: string;
  discord: DiscordConfig;
  registry: CommandRegistry;
  runner: CommandRunner;
  /** Slash commands are re-registered on its 'commands.changed'. */
  events?: EventBus;
  logger: Logger;
  /** Asked on every autocomplete, so a provider registered after start is used. */
  playerIndex?: () => PlayerIndex | undefined;
}

const FAILED = 'Sorry, something went wrong while answering. The error was logged for the admins.';

/** `https://discord.com/api/v10` and `.../api` both name the same base; discord.js adds `/v10`. */
export function restBase(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

function roleIdsOf(member: GuildMember | { roles: string[] } | null | undefined, guildId: string | null): string[] {
  if (!member) return [];
  const ids = Array.isArray(member.roles) ? member.roles : [...(member as GuildMember).roles.cache.keys()];
  return ids.filter((id) => id !== guildId);
}

/**
 * The Discord transport: a Sapphire client whose command pieces come from the CommandRegistry
 * (prefix commands), plus slash commands, autocomplete and page buttons through discord.js.
 *
 * Slash registration and interaction routing use discord.js directly, not Sapphire's
 * ApplicationCommandRegistries: those registries and Sapphire's core interaction listeners are
 * process-wide state loaded once at import (a second client in the same process, as in tests or
 * after a module restart, gets none of them), and they register only at ready, while we must
 * re-register in ONE bulk overwrite whenever the commands change.
 *
 * Sapphire's container is process-wide: run one DiscordBot per process at a time.
 */
export class DiscordBot {
  readonly client: SapphireClient;
  private readonly pages: PaginationSessions;
  private readonly loaded = new Map<string, CommandDefinition>();
  private readonly subscriptions: Disposable[] = [];
  private readonly pieceSync = new SerialTask(() => this.syncPieces());
  private readonly slashSync = new SerialTask(() => this.registerSlashCommands());
  private loggedIn = false;
  private ready = false;
  private slashPending = false;
  private readonly log: Logger;

  constructor(private readonly options: DiscordBotOptions) {
    this.log = options.logger.child({ component: 'discord' });
    this.pages = new PaginationSessions(this.log);
    this.client = new SapphireClient({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
      ...(options.apiUrl ? { rest: { api: restBase(options.apiUrl) } } : {}),
      allowedMentions: NO_MENTIONS,
      defaultPrefix: options.discord.prefix,
      caseInsensitiveCommands: true,
      caseInsensitivePrefixes: true,
      loadMessageCommandListeners: true,
      loadApplicationCommandRegistriesStatusListeners: false,
      baseUserDirectory: null,
      logger: { instance: sapphireLogger(this.log.child({ component: 'sapphire' })) },
    });
    this.client.on(Events.InteractionCreate, (interaction) => void this.onInteraction(interaction));
    this.client.on(SapphireEvents.UnknownMessageCommand, (payload) => void this.onUnknownCommand(payload));
    this.client.on(Events.Error, (err) => this.log.error({ err }, 'discord client error'));
    this.client.on(Events.ShardDisconnect, (event) => this.log.warn({ code: event.code }, 'Discord gateway disconnected'));
    this.client.on(Events.ShardResume, () => this.log.info('Discord gateway resumed'));
    this.client.on(Events.ShardReconnecting, () => this.log.info('Discord gateway reconnecting'));
    this.subscriptions.push(options.registry.onChange(() => void (this.loggedIn ? this.pieceSync.request() : undefined)));
    if (options.events) {
      this.subscriptions.push(options.events.on('commands.changed', () => this.requestSlashSync(), 'discord'));
    }
  }

  /** Logs in and resolves once the client is ready; slash commands follow in the background. */
  async start(): Promise<void> {
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.syncPieces();
    await this.client.login(this.options.token);
    this.loggedIn = true;
    await ready;
    this.client.id ??= this.client.user?.id ?? null;
    this.ready = true;
    this.log.info({ user: this.client.user?.tag, guilds: this.client.guilds.cache.size }, 'Discord bot is online');
    // Commands may have changed between the first piece load and login.
    void this.pieceSync.request();
    if (this.slashPending || !this.options.events || this.options.registry.list().length > 0) this.requestSlashSync();
  }

  async stop(): Promise<void> {
    for (const s of this.subscriptions.splice(0)) await s.dispose();
    await this.pages.closeAll();
    await this.client.destroy();
    this.ready = false;
  }

  /** Resolves when pending piece and slash registrations are done. */
  async settled(): Promise<void> {
    await this.pieceSync.idle();
    await this.slashSync.idle();
  }

  /** Posts a reply to a channel (announcements, alerts). */
  async postToChannel(channelId: string, reply: Reply): Promise<void> {
    const channel = await this.client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error(`Discord channel ${channelId} is not a channel the bot can post in`);
    await channel.send(renderReply(reply));
  }

  requestSlashSync(): void {
    this.slashPending = true;
    if (this.ready) void this.slashSync.request();
  }

  // ---- registration ------------------------------------------------------------------------

  private async syncPieces(): Promise<void> {
    const store = this.client.stores.get('commands');
    const wanted = new Map(this.options.registry.list().map((c) => [c.definition.name, c.definition] as const));
    for (const [name, definition] of [...this.loaded]) {
      if (wanted.get(name) === definition) continue;
      if (store.has(name)) await store.unload(name);
      this.loaded.delete(name);
    }
    for (const [name, definition] of wanted) {
      if (this.loaded.has(name)) continue;
      await this.client.stores.loadPiece({ store: 'commands', name, piece: commandPiece(definition, (message, text) => this.onPrefixCommand(message, text)) });
      this.loaded.set(name, definition);
    }
  }

  /** ONE bulk overwrite with every command: to the configured guild, or global without one. */
  private async registerSlashCommands(): Promise<void> {
    this.slashPending = false;
    const applicationId = this.client.application?.id;
    if (!applicationId) return;
    const body = slashCommandData(this.options.registry.list().map((c) => c.definition));
    const guildId = this.options.discord.guildId;
    const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
    try {
      await this.client.rest.put(route, { body });
      this.log.info(
        { count: body.length, guildId: guildId ?? null },
        guildId ? `registered ${body.length} slash commands in guild ${guildId}` : `registered ${body.length} global slash commands`,
      );
    } catch (err) {
      this.log.error({ err }, 'registering slash commands failed; prefix commands still work');
    }
  }

  // ---- handling ----------------------------------------------------------------------------

  private request(user: User, roleIds: string[], channelId: string, guildId: string | null): CommandRequest {
    return { caller: discordCaller(user, roleIds, this.options.discord), transport: 'discord', channelId, guildId: guildId ?? undefined };
  }

  private async onPrefixCommand(message: Message, text: string): Promise<void> {
    const request = this.request(message.author, roleIdsOf(message.member, message.guildId), message.channelId, message.guildId);
    try {
      const name = /^\S+/.exec(text)?.[0] ?? '';
      if (this.options.registry.find(name)?.definition.slow && 'sendTyping' in message.channel) await message.channel.sendTyping().catch(() => undefined);
      const reply = await this.options.runner.runLine(text, request);
      if (!reply) return;
      await this.sendToMessage(message, reply, request.caller);
    } catch (err) {
      this.log.error({ err, command: text.slice(0, 100) }, 'prefix command failed');
      await message
        .reply({ content: FAILED, allowedMentions: NO_MENTIONS, failIfNotExists: false })
        .catch((e) => this.log.warn({ err: e }, 'could not send the error reply'));
    }
  }

  private async sendToMessage(message: Message, reply: Reply, owner: { id: string; name: string }): Promise<void> {
    const session = this.pages.create(reply, owner);
    const sent = await message.reply({ ...renderReply(reply, session?.buttons() ?? []), failIfNotExists: false });
    session?.attach((payload) => sent.edit(payload));
  }

  /** `!stsat` gets "did you mean"; words close to no command are left alone (other bots share prefixes). */
  private async onUnknownCommand({ message, commandName, commandPrefix }: UnknownMessageCommandPayload): Promise<void> {
    if (closest(commandName, this.options.registry.names()).length === 0) return;
    await this.onPrefixCommand(message, message.content.slice(commandPrefix.length).trimStart());
  }

  private async onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) await this.onSlashCommand(interaction);
      else if (interaction.isAutocomplete()) await this.onAutocomplete(interaction);
      else if (interaction.isButton() && PaginationSessions.isPageButton(interaction.customId)) await this.pages.handle(interaction);
      else if (interaction.isButton() && isActionButton(interaction.customId)) await this.onActionButton(interaction);
    } catch (err) {
      this.log.error({ err, interaction: interaction.id }, 'interaction failed');
      if (interaction.isRepliable()) await this.sendFailure(interaction);
    }
  }

  private async onSlashCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const definition = this.options.registry.find(interaction.commandName)?.definition;
    const request = this.request(
      interaction.user,
      roleIdsOf(interaction.member as GuildMember | { roles: string[] } | null, interaction.guildId),
      interaction.channelId,
      interaction.guildId,
    );
    // A slow command (image) defers first, so Discord's 3-second answer window cannot run out.
    if (definition?.slow) await interaction.deferReply();
    const reply = await this.options.runner.runWithOptions(interaction.commandName, definition ? slashValues(interaction, definition) : {}, request);
    const session = this.pages.create(reply, request.caller);
    const payload = renderReply(reply, session?.buttons() ?? []);
    if (!interaction.deferred) {
      await interaction.reply({ ...payload, ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) });
      session?.attach((p) => interaction.editReply(p));
    } else if (!reply.ephemeral) {
      await interaction.editReply(payload);
      session?.attach((p) => interaction.editReply(p));
    } else {
      // The public "thinking" message cannot turn private: remove it and answer privately.
      await interaction.deleteReply();
      const message = await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
      session?.attach((p) => interaction.editReply({ ...p, message }));
    }
  }

  /** A reply's action button: its command line, run as whoever pressed it, answered to them only. */
  private async onActionButton(interaction: ButtonInteraction): Promise<void> {
    const request = this.request(
      interaction.user,
      roleIdsOf(interaction.member as GuildMember | { roles: string[] } | null, interaction.guildId),
      interaction.channelId,
      interaction.guildId,
    );
    // Deferring first keeps the 3-second answer window whatever the command does.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const line = actionLine(interaction.customId);
    const reply = (await this.options.runner.runLine(line, request)) ?? { text: 'This button runs nothing.', isError: true };
    const session = this.pages.create(reply, request.caller);
    await interaction.editReply(renderReply(reply, session?.buttons() ?? []));
    session?.attach((p) => interaction.editReply(p));
  }

  private async onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const arg = this.options.registry.find(interaction.commandName)?.definition.args?.find((a) => a.name === focused.name);
    const typed = String(focused.value ?? '').trim();
    let choices: { name: string; value: string }[] = [];
    try {
      if (arg?.type === 'player') {
        const index = this.options.playerIndex?.();
        if (index) choices = await index.suggest(typed, 25);
      } else if (arg?.type === 'choice') {
        const lower = typed.toLowerCase();
        choices = (arg.choices ?? []).filter((c) => c.name.toLowerCase().includes(lower) || c.value.toLowerCase().includes(lower)).map((c) => ({ ...c }));
      }
    } catch (err) {
      this.log.error({ err, command: interaction.commandName, option: focused.name }, 'autocomplete failed');
    }
    // Choice labels are plain text in Discord's picker: no markdown escaping here.
    await interaction.respond(choices.slice(0, 25).map((c) => ({ name: clip(c.name, 100), value: clip(c.value, 100) })));
  }

  private async sendFailure(interaction: RepliableInteraction): Promise<void> {
    try {
      if (interaction.deferred && !interaction.replied) await interaction.editReply({ content: FAILED, allowedMentions: NO_MENTIONS });
      else if (interaction.replied) await interaction.followUp({ content: FAILED, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      else await interaction.reply({ content: FAILED, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    } catch (err) {
      this.log.warn({ err }, 'could not send the error reply');
    }
  }
}

/** Slash options as the runner's typed values; a user option becomes the user's id. */
export function slashValues(interaction: ChatInputCommandInteraction, definition: CommandDefinition): Record<string, string | number | boolean | undefined> {
  const values: Record<string, string | number | boolean | undefined> = {};
  for (const arg of definition.args ?? []) {
    const option = interaction.options.get(arg.name);
    if (!option) continue;
    values[arg.name] = arg.type === 'user' ? (option.user?.id ?? String(option.value)) : option.value;
  }
  return values;
}
