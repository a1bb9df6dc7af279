import type { ArgumentDefinition, CommandDefinition } from '../plugin-api/commands';
import { convertArgument } from './argument-values';
import { UsageError } from '../plugin-api/errors';
import { tokenize } from './tokenize';

export type ParsedArguments = Record<string, string | number | undefined>;

/** The last string or player argument takes the rest of the line, so `!stats big bad wolf` works. */
function takesRest(def: ArgumentDefinition, index: number, all: readonly ArgumentDefinition[]): boolean {
  if (def.rest !== undefined) return def.rest;
  return index === all.length - 1 && (def.type === 'player' || def.type === 'string');
}

/** Parses the text after a prefix command's name into typed arguments. */
export function parseArgumentText(command: CommandDefinition, text: string): ParsedArguments {
  const defs = command.args ?? [];
  const tokens = tokenize(text);
  const result: ParsedArguments = {};
  let t = 0;
  for (let i = 0; i < defs.length; i++) {
    const def = defs[i]!;
    if (t >= tokens.length) {
      if (def.required) throw new UsageError(`missing ${def.name}`);
      result[def.name] = undefined;
      continue;
    }
    if (takesRest(def, i, defs)) {
      const restText = text.slice(tokens[t]!.start).trim();
      const unquoted = tokens.length - t === 1 ? tokens[t]!.value : restText;
      result[def.name] = convertArgument(def, unquoted);
      t = tokens.length;
      continue;
    }
    result[def.name] = convertArgument(def, tokens[t]!.value);
    t++;
  }
  if (t < tokens.length) {
    const extra = tokens
      .slice(t)
      .map((x) => x.value)
      .join(' ');
    throw new UsageError(`unexpected '${extra.length > 60 ? `${extra.slice(0, 57)}...` : extra}'`);
  }
  return result;
}

/** Validates already-typed options (slash commands) with the same rules as prefix text. */
export function parseArgumentOptions(command: CommandDefinition, options: Record<string, string | number | boolean | undefined>): ParsedArguments {
  const result: ParsedArguments = {};
  for (const def of command.args ?? []) {
    const raw = options[def.name];
    if (raw === undefined || raw === null || raw === '') {
      if (def.required) throw new UsageError(`missing ${def.name}`);
      result[def.name] = undefined;
      continue;
    }
    result[def.name] = convertArgument(def, typeof raw === 'boolean' ? String(raw) : raw);
  }
  const known = new Set((command.args ?? []).map((a) => a.name));
  const unknown = Object.keys(options).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(', ')}`);
  return result;
}

/** `!top <stat> [page]` */
export function usageLine(command: CommandDefinition, prefix: string): string {
  const parts = (command.args ?? []).map((a) => {
    const label = a.type === 'choice' && a.choices && a.choices.length <= 6 ? a.choices.map((c) => c.value).join('|') : a.name;
    return a.required ? `<${label}>` : `[${label}]`;
  });
  return [`${prefix}${command.name}`, ...parts].join(' ');
}
