import type { ExecutionRecord } from '../commands/runner';
import type { Database } from '../data/database';
import { num } from '../data/sql';
import type { Logger } from '../logging/logger';
import type { Clock } from '../scheduler/clock';

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

export interface AuditLogDeps {
  /** The database when the data module runs; without one, actions are only logged. */
  database: () => Database | undefined;
  logger: Logger;
  clock: Clock;
}

const MAX_INPUT = 1000;

/**
 * The audit trail of admin-only commands, denials included. Each action is logged at once and
 * written to `admin_actions` in the order it happened; `flush()` waits for the writes (the app
 * stops the audit module before the database).
 */
export class AuditLog {
  private pending: Promise<void> = Promise.resolve();
  private written = 0;
  private failed = 0;

  constructor(private readonly deps: AuditLogDeps) {}

  /** Records one execution of an admin-only command (others are ignored). */
  record(record: ExecutionRecord): void {
    if (!record.adminOnly) return;
    const entry: Omit<AuditEntry, 'id'> = {
      at: new Date(this.deps.clock.now()).toISOString(),
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
    this.deps.logger[level](
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
    const db = this.deps.database();
    if (!db) return [];
    await this.flush();
    const rows = await db.read((sql) =>
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
    const db = this.deps.database();
    if (!db || db.readOnly) return; // the log line above is the record there
    try {
      await db.transaction((sql) =>
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
      this.deps.logger.error({ err, command: entry.command, user: entry.userId }, 'audit: could not store an admin action');
    }
  }
}
