import type { Caller, CommandContext, Transport } from '../plugin-api/commands';
import type { Disposable } from '../plugin-api/disposable';
import { toDisposable } from '../plugin-api/disposable';
import type { Reply } from '../plugin-api/reply';
import type { Logger } from '../logging/logger';
import type { Clock } from '../scheduler/clock';
import { UsageError, UserFacingError } from '../plugin-api/errors';
import { parseArgumentOptions, parseArgumentText, usageLine, type ParsedArguments } from './parse-arguments';
import type { CommandRegistry, RegisteredCommand } from './registry';
import { withRunnableActions } from './reply-actions';
import { closest } from './suggest';

export interface CommandRequest {
  caller: Caller;
  transport: Transport;
  channelId?: string;
  guildId?: string;
}

export type ExecutionOutcome = 'ok' | 'usage' | 'denied' | 'cooldown' | 'channel' | 'error' | 'unknown';

export interface ExecutionRecord {
  command: string;
  pluginId: string | null;
  caller: Caller;
  transport: Transport;
  adminOnly: boolean;
  outcome: ExecutionOutcome;
  durationMs: number;
  /** What was typed after the command name (prefix) or the options as text (slash). */
  input: string;
  error?: string;
}

export interface CommandRunnerOptions {
  prefix: string;
  /** Category -> channel ids where its commands may run. */
  categoryChannels: Readonly<Record<string, readonly string[]>>;
}

/**
 * Runs a command for any transport: finds it, checks admin-only, channel rules and cooldowns,
 * parses arguments, runs it, and turns failures into friendly replies. Discord and the console
 * both come through here, so both behave the same.
 */
export class CommandRunner {
  private readonly cooldowns = new Map<string, number>();
  private readonly observers = new Set<(record: ExecutionRecord) => void>();

  constructor(
    private readonly registry: CommandRegistry,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly options: CommandRunnerOptions,
  ) {}

  get prefix(): string {
    return this.options.prefix;
  }

  /** Runs `!name args...` (the prefix is optional here). Returns null when the line is not a command. */
  async runLine(line: string, request: CommandRequest): Promise<Reply | null> {
    let text = line.trim();
    if (text.startsWith(this.options.prefix)) text = text.slice(this.options.prefix.length);
    const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
    if (!match) return null;
    const name = match[1]!.toLowerCase();
    const rest = match[2] ?? '';
    return this.execute(name, request, rest, (cmd) => parseArgumentText(cmd.definition, rest));
  }

  /** Runs a command with typed options (slash commands). */
  async runWithOptions(name: string, options: Record<string, string | number | boolean | undefined>, request: CommandRequest): Promise<Reply> {
    const input = Object.entries(options)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}:${v}`)
      .join(' ');
    return this.execute(name.toLowerCase(), request, input, (cmd) => parseArgumentOptions(cmd.definition, options));
  }

  /** Called after every execution (metrics, audit). */
  onExecuted(observer: (record: ExecutionRecord) => void): Disposable {
    this.observers.add(observer);
    return toDisposable(() => {
      this.observers.delete(observer);
    });
  }

  usage(command: RegisteredCommand): string {
    return usageLine(command.definition, this.options.prefix);
  }

  private async execute(name: string, request: CommandRequest, input: string, parse: (cmd: RegisteredCommand) => ParsedArguments): Promise<Reply> {
    const started = this.clock.now();
    const command = this.registry.find(name);
    const finish = (outcome: ExecutionOutcome, reply: Reply, error?: string): Reply => {
      this.record({
        command: command?.definition.name ?? name,
        pluginId: command?.pluginId ?? null,
        caller: request.caller,
        transport: request.transport,
        adminOnly: command?.definition.adminOnly === true,
        outcome,
        durationMs: this.clock.now() - started,
        input,
        error,
      });
      return reply;
    };

    if (!command) {
      const suggestions = closest(name, this.registry.names());
      const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `\`${this.options.prefix}${s}\``).join(', ')}?` : '';
      return finish('unknown', {
        text: `Unknown command \`${this.options.prefix}${name}\`.${hint} Try \`${this.options.prefix}help\`.`,
        isError: true,
        ephemeral: true,
      });
    }
    const def = command.definition;

    if (def.adminOnly && !request.caller.isAdmin) {
      this.logger.warn({ command: def.name, user: request.caller.id, transport: request.transport }, `permission denied: ${request.caller.id} is not an admin`);
      return finish('denied', { text: `\`${this.options.prefix}${def.name}\` is for admins only.`, isError: true, ephemeral: true });
    }

    const allowedChannels = this.options.categoryChannels[def.category ?? 'general'];
    if (request.transport === 'discord' && allowedChannels && allowedChannels.length > 0 && !allowedChannels.includes(request.channelId ?? '')) {
      const where = allowedChannels.map((id) => `<#${id}>`).join(', ');
      return finish('channel', { text: `\`${this.options.prefix}${def.name}\` works in ${where}.`, isError: true, ephemeral: true });
    }

    const cooldownKey = `${request.caller.id}:${def.name}`;
    if (def.cooldownSeconds && !request.caller.isAdmin) {
      const until = this.cooldowns.get(cooldownKey) ?? 0;
      const now = this.clock.now();
      if (until > now) {
        const seconds = Math.ceil((until - now) / 1000);
        return finish('cooldown', { text: `Slow down: \`${this.options.prefix}${def.name}\` again in ${seconds}s.`, isError: true, ephemeral: true });
      }
    }

    let args: ParsedArguments;
    try {
      args = parse(command);
    } catch (err) {
      if (err instanceof UsageError) return finish('usage', this.usageReply(command, err.message));
      throw err;
    }

    if (def.cooldownSeconds && !request.caller.isAdmin) this.cooldowns.set(cooldownKey, this.clock.now() + def.cooldownSeconds * 1000);

    const logger = this.logger.child({ command: def.name, plugin: command.pluginId });
    const ctx: CommandContext = {
      caller: request.caller,
      transport: request.transport,
      channelId: request.channelId,
      guildId: request.guildId,
      logger,
      invokedAs: name,
      prefix: this.options.prefix,
    };
    try {
      const reply = await def.run(ctx, args as never);
      return finish(
        'ok',
        withRunnableActions(reply, (command) => this.registry.find(command) !== undefined),
      );
    } catch (err) {
      if (err instanceof UsageError) return finish('usage', this.usageReply(command, err.message));
      if (err instanceof UserFacingError) return finish('ok', { text: err.message, ephemeral: true });
      logger.error({ err }, `command ${def.name} failed`);
      return finish(
        'error',
        { text: `Sorry, \`${this.options.prefix}${def.name}\` failed. The error was logged for the admins.`, isError: true, ephemeral: true, embeds: [] },
        (err as Error)?.message ?? String(err),
      );
    }
  }

  private usageReply(command: RegisteredCommand, problem: string): Reply {
    return {
      text: `${problem}\nUsage: \`${this.usage(command)}\``,
      isError: true,
      ephemeral: true,
      embeds: [],
    };
  }

  private record(record: ExecutionRecord): void {
    for (const observer of this.observers) {
      try {
        observer(record);
      } catch (err) {
        this.logger.error({ err }, 'command observer failed');
      }
    }
  }
}
