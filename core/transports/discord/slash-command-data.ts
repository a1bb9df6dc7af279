import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { ArgumentDefinition, CommandDefinition } from '../../plugin-api/commands';

/** One command argument as a typed slash option. */
export function slashOption(arg: ArgumentDefinition): APIApplicationCommandBasicOption {
  const base = { name: arg.name, description: arg.description, required: arg.required === true };
  switch (arg.type) {
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer, ...range(arg) };
    case 'number':
      return { ...base, type: ApplicationCommandOptionType.Number, ...range(arg) };
    case 'choice':
      return { ...base, type: ApplicationCommandOptionType.String, choices: (arg.choices ?? []).map((c) => ({ name: c.name, value: c.value })) };
    case 'player':
      return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true, max_length: 200 };
    case 'user':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'date':
      return { ...base, type: ApplicationCommandOptionType.String, min_length: 10, max_length: 10 };
    case 'string':
      return { ...base, type: ApplicationCommandOptionType.String, max_length: 200 };
  }
}

/** The body of the one bulk overwrite: every command by its name (aliases are prefix-only). */
export function slashCommandData(definitions: readonly CommandDefinition[]): RESTPutAPIApplicationCommandsJSONBody {
  return definitions.map((def) => ({
    type: ApplicationCommandType.ChatInput,
    name: def.name,
    description: def.description,
    options: (def.args ?? []).map(slashOption),
  }));
}

function range(arg: ArgumentDefinition): { min_value?: number; max_value?: number } {
  return { ...(arg.min !== undefined ? { min_value: arg.min } : {}), ...(arg.max !== undefined ? { max_value: arg.max } : {}) };
}
