import { num, type Clock, type EventMap, type Logger, type PluginStorage } from 'etbot/plugin-api';

export interface AuditEntry {
  id: number;
  /** ISO instant (UTC). */
  at: string;
  userId: string;
  userName: string;
  transport: string;
  command: string;
  pluginId: string | null;
  input: string;
  outcome: string;
  error: string | null;
  durationMs: number;
}

const MAX_INPUT = 1000;

/**
 * The audit trail of admin-only commands (from any plugin and transport), refusals included. Each
 * action is logged at once and written to `admin_actions` in the order it happened; `flush()`
 * waits for the writes (the plugin flushes when it is disposed, before the database closes).
 */
export class AuditLog {
  private pending: Promise<void> = Promise.resolve();
  private written = 0;
  private failed = 0;

  constructor(
    private readonly storage: PluginStorage,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  /** Records one execution of an admin-only command (others are ignored). */
  record(record: EventMap['command.executed']): void {
    if (!record.adminOnly) return;
    const entry: Omit<AuditEntry, 'id'> = {
      at: new Date(this.clock.now()).toISOString(),
      userId: record.caller.id.slice(0, 32),
      userName: record.caller.name.slice(0, 100),
      transport: record.transport,
      command: record.command.slice(0, 64),
      pluginId: record.pluginId,
      input: record.input.slice(0, MAX_INPUT),
      outcome: record.outcome,
      error: record.error ?? null,
      durationMs: Math.max(0, Math.round(record.durationMs)),
    };
    const level = record.outcome === 'ok' ? 'info' : 'warn';
    this.logger[level](
      { audit: true, user: entry.userId, command: entry.command, input: entry.input, outcome: entry.outcome, transport: entry.transport },
      `admin action: ${entry.userId} ran ${entry.command}${entry.input ? ` ${entry.input}` : ''} -> ${entry.outcome}`,
    );
    this.pending = this.pending.then(() => this.write(entry));
  }

  /** Resolves when every recorded action has been written (or failed and been logged). */
  flush(): Promise<void> {
    return this.pending;
  }

  get stats(): { written: number; failed: number } {
    return { written: this.written, failed: this.failed };
  }

  /** Newest first. */
  async list(options: { limit?: number; offset?: number } = {}): Promise<AuditEntry[]> {
    await this.flush();
    const rows = await this.storage.read((sql) =>
      sql.all(
        `SELECT id, at, user_id, user_name, transport, command, plugin_id, input, outcome, error, duration_ms FROM admin_actions ORDER BY id DESC LIMIT ? OFFSET ?`,
        [options.limit ?? 50, options.offset ?? 0],
      ),
    );
    return rows.map((r) => ({
      id: num(r.id),
      at: String(r.at),
      userId: String(r.user_id),
      userName: String(r.user_name),
      transport: String(r.transport),
      command: String(r.command),
      pluginId: r.plugin_id === null ? null : String(r.plugin_id),
      input: String(r.input),
      outcome: String(r.outcome),
      error: r.error === null ? null : String(r.error),
      durationMs: num(r.duration_ms),
    }));
  }

  private async write(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    if (this.storage.readOnly) return; // the log line above is the record there
    try {
      await this.storage.transaction((sql) =>
        sql.insertReturningId('admin_actions', {
          at: entry.at,
          user_id: entry.userId,
          user_name: entry.userName,
          transport: entry.transport,
          command: entry.command,
          plugin_id: entry.pluginId,
          input: entry.input,
          outcome: entry.outcome,
          error: entry.error,
          duration_ms: entry.durationMs,
        }),
      );
      this.written++;
    } catch (err) {
      this.failed++;
      this.logger.error({ err, command: entry.command, user: entry.userId }, 'audit: could not store an admin action');
    }
  }
}
