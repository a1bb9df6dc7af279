import type { CommandDefinition } from '../plugin-api/commands';
import type { Disposable } from '../plugin-api/disposable';
import { toDisposable } from '../plugin-api/disposable';

export interface RegisteredCommand {
  pluginId: string;
  definition: CommandDefinition;
}

const NAME = /^[a-z0-9_-]{1,32}$/;

/** Thrown when a plugin registers a name (or alias) another plugin already has. */
export class CommandConflictError extends Error {
  constructor(
    readonly commandName: string,
    readonly pluginId: string,
    readonly ownerPluginId: string,
  ) {
    super(`command '${commandName}' of plugin '${pluginId}' is already registered by plugin '${ownerPluginId}'`);
    this.name = 'CommandConflictError';
  }
}

/** Checks a definition against what both prefix and slash commands can express. */
export function validateCommandDefinition(def: CommandDefinition): void {
  const where = `command '${def.name}'`;
  if (!NAME.test(def.name)) throw new Error(`${where}: name must match [a-z0-9_-]{1,32}`);
  for (const alias of def.aliases ?? []) if (!NAME.test(alias)) throw new Error(`${where}: alias '${alias}' must match [a-z0-9_-]{1,32}`);
  if (!def.description || def.description.length > 100) throw new Error(`${where}: description must be 1-100 characters`);
  let optionalSeen = false;
  const seen = new Set<string>();
  for (const arg of def.args ?? []) {
    if (!NAME.test(arg.name)) throw new Error(`${where}: argument '${arg.name}' must match [a-z0-9_-]{1,32}`);
    if (seen.has(arg.name)) throw new Error(`${where}: argument '${arg.name}' appears twice`);
    seen.add(arg.name);
    if (!arg.description || arg.description.length > 100) throw new Error(`${where}: argument '${arg.name}' needs a description of 1-100 characters`);
    if (arg.required && optionalSeen) throw new Error(`${where}: required argument '${arg.name}' follows an optional one`);
    if (!arg.required) optionalSeen = true;
    if (arg.type === 'choice' && (!arg.choices || arg.choices.length === 0 || arg.choices.length > 25)) {
      throw new Error(`${where}: choice argument '${arg.name}' needs 1-25 choices`);
    }
  }
}

/** Every enabled plugin's commands, by name and alias. */
export class CommandRegistry {
  private readonly byName = new Map<string, RegisteredCommand>();
  private readonly commands = new Set<RegisteredCommand>();
  private readonly listeners = new Set<() => void>();

  register(pluginId: string, definition: CommandDefinition): Disposable {
    validateCommandDefinition(definition);
    const names = [definition.name, ...(definition.aliases ?? [])];
    for (const name of names) {
      const owner = this.byName.get(name);
      if (owner) throw new CommandConflictError(name, pluginId, owner.pluginId);
    }
    const entry: RegisteredCommand = { pluginId, definition };
    this.commands.add(entry);
    for (const name of names) this.byName.set(name, entry);
    this.notify();
    return toDisposable(() => {
      this.commands.delete(entry);
      for (const name of names) if (this.byName.get(name) === entry) this.byName.delete(name);
      this.notify();
    });
  }

  find(nameOrAlias: string): RegisteredCommand | undefined {
    return this.byName.get(nameOrAlias.toLowerCase());
  }

  list(): RegisteredCommand[] {
    return [...this.commands].sort(
      (a, b) => (a.definition.category ?? 'general').localeCompare(b.definition.category ?? 'general') || a.definition.name.localeCompare(b.definition.name),
    );
  }

  /** Every name and alias, for "did you mean" suggestions. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  countOwnedBy(pluginId: string): number {
    return [...this.commands].filter((c) => c.pluginId === pluginId).length;
  }

  /** Called synchronously after every change. */
  onChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => {
      this.listeners.delete(listener);
    });
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
