import { Command, type Args, type MessageCommand } from '@sapphire/framework';
import type { Message } from 'discord.js';
import type { CommandDefinition } from '../../plugin-api/commands';

/** Runs a prefix command: `text` is the line after the prefix, e.g. `stats some name`. */
export type PrefixHandler = (message: Message, text: string) => Promise<void>;

export type CommandPieceClass = new (context: Command.LoaderContext, options?: Command.Options) => Command;

/**
 * A Sapphire command piece for one registry command (loaded with `container.stores.loadPiece`,
 * no file on disk). It only routes prefix messages: argument parsing, checks and running are the
 * CommandRunner's, shared with the console.
 */
export function commandPiece(definition: CommandDefinition, onMessage: PrefixHandler): CommandPieceClass {
  return class RegistryCommand extends Command {
    constructor(context: Command.LoaderContext, options: Command.Options = {}) {
      super(context, { ...options, name: definition.name, aliases: [...(definition.aliases ?? [])], description: definition.description });
    }

    override async messageRun(message: Message, _args: Args, context: MessageCommand.RunContext): Promise<void> {
      await onMessage(message, message.content.slice(context.commandPrefix.length).trimStart());
    }
  };
}
