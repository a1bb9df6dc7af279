import type { Logger } from '../logging/logger';
import type { Reply } from './reply';

export type ArgumentType = 'string' | 'integer' | 'number' | 'choice' | 'player' | 'user' | 'date';

export interface ArgumentChoice {
  name: string;
  value: string;
}

export interface ArgumentDefinition {
  name: string;
  type: ArgumentType;
  description: string;
  required?: boolean;
  /** For `choice`. */
  choices?: readonly ArgumentChoice[];
  /** For `integer` and `number`. */
  min?: number;
  max?: number;
  /** The last string/player argument may take the rest of the line (`!stats some name`). */
  rest?: boolean;
}

/** `user` arguments arrive as a Discord user id; `date` as `YYYY-MM-DD`; `player` as the text typed. */
type ValueOf<T extends ArgumentType> = T extends 'integer' | 'number' ? number : string;

export type ArgsOf<A extends readonly ArgumentDefinition[]> = {
  [K in A[number] as K['name']]: K['required'] extends true ? ValueOf<K['type']> : ValueOf<K['type']> | undefined;
};

export type Transport = 'console' | 'discord';

export interface Caller {
  /** Discord user id, or `console` for the local operator. */
  id: string;
  name: string;
  roleIds: readonly string[];
  isAdmin: boolean;
}

export interface CommandContext {
  caller: Caller;
  transport: Transport;
  channelId?: string;
  guildId?: string;
  logger: Logger;
  /** The command's name as typed (an alias, for instance). */
  invokedAs: string;
  /** The command prefix (`!`), for replies that name another command. */
  prefix: string;
}

export interface CommandDefinition<A extends readonly ArgumentDefinition[] = readonly ArgumentDefinition[]> {
  /** Lower-case, `[a-z0-9_-]{1,32}`: the prefix name and the slash name. */
  name: string;
  aliases?: readonly string[];
  description: string;
  /** Groups commands in help and channel rules; default `general`. */
  category?: string;
  args?: A;
  cooldownSeconds?: number;
  adminOnly?: boolean;
  /** Slow commands (images) make Discord defer the reply. */
  slow?: boolean;
  /** Extra usage examples shown by `help <command>`. */
  examples?: readonly string[];
  run(ctx: CommandContext, args: ArgsOf<A>): Reply | Promise<Reply>;
}

/** Keeps argument names and types precise for `run`. */
export function defineCommand<const A extends readonly ArgumentDefinition[]>(definition: CommandDefinition<A>): CommandDefinition<A> {
  return definition;
}
