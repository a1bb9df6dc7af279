/**
 * Events the core raises. Plugins may add their own by declaration merging:
 *   declare module 'etbot/plugin-api' { interface EventMap { 'streaks.record': {...} } }
 */
export interface EventMap {
  /**
   * A round file was imported (or re-imported), after its transaction committed; `rederivedRoundIds`
   * were updated because of it (a bulk import lists them once, on its batch's last event).
   */
  'round.imported': {
    roundId: number;
    file: string;
    serverId: string;
    map: string;
    round: number;
    endedAt: string;
    rederivedRoundIds: number[];
  };
  /**
   * GUIDs were merged into one player or set apart (`!merge`, `!unmerge`), after the commit: the
   * rows of `roundIds` were written again under other identities. Anything kept per GUID is stale.
   */
  'identities.changed': { identity: string; members: string[]; roundIds: number[] };
  'file.rejected': { file: string; reason: string; source: string };
  'file.duplicate': { file: string; duplicateOf: string; source: string };
  /** No round arrived within the session gap after the session's last round. */
  'session.closed': { sessionId: number; serverId: string };
  'collector.error': { collector: string; error: string; consecutiveFailures: number };
  'collector.recovered': { collector: string };
  /** The set of commands changed (a plugin was enabled, disabled or reloaded). */
  'commands.changed': { reason: string };
  'plugin.state': { pluginId: string; state: string; error?: string };
  /**
   * A command ran or was refused (any transport). `outcome`: ok, usage, denied, cooldown, channel,
   * error. `input` is what was typed after the command name (slash options as `name:value`).
   */
  'command.executed': {
    command: string;
    pluginId: string | null;
    caller: { id: string; name: string };
    transport: string;
    adminOnly: boolean;
    outcome: string;
    durationMs: number;
    input: string;
    error?: string;
  };
}

export type EventName = keyof EventMap;
export type EventHandler<E extends EventName> = (payload: EventMap[E]) => void | Promise<void>;
