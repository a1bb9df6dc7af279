/**
 * Retries an import transaction that failed for a transient reason (the database went away, was
 * restarted, or was locked by another process). Safe because every file is one transaction that
 * either committed or rolled back, and a committed file is recognised by its content hash: a retry
 * can never store a file twice. A genuine rejection (bad file) is an outcome, not an error, so it
 * never reaches this layer; any other error is rethrown at once.
 */

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  /** Delay before the second try; doubled each time, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** About 40 s of patience in all: long enough for a database restart, short enough to surface an outage. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 10, baseDelayMs: 250, maxDelayMs: 8_000 };

/** What the retry layer logs with (pino's `warn` fits). */
export interface RetryLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface RetryOptions {
  policy?: RetryPolicy;
  logger?: RetryLogger;
  /** Called before each retry (e.g. to re-initialise a connection); errors there are ignored. */
  beforeRetry?: (err: unknown) => Promise<void>;
}

/** PostgreSQL SQLSTATEs of a lost or refused connection (class 08) and of a server shutting down or starting (57P0x). */
const TRANSIENT_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03']);
const TRANSIENT_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN', 'EHOSTUNREACH', 'SQLITE_BUSY', 'SQLITE_LOCKED']);
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /connection (?:refused|reset)/i,
  /not queryable/i,
  /server closed the connection/i,
  /the database system is (?:starting up|shutting down)/i,
  /database (?:table )?is locked/i,
  /SQLITE_BUSY|SQLITE_LOCKED/,
  /timeout exceeded when trying to connect/i,
];

/** True for an error (or any error it wraps) that a later try of the same transaction may not hit. */
export function isTransientDatabaseError(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown;
  const queue: unknown[] = [err];
  while (queue.length > 0) {
    current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; driverError?: unknown; errors?: unknown };
    if (
      typeof e.code === 'string' &&
      (TRANSIENT_SQLSTATES.has(e.code) || TRANSIENT_ERRNOS.has(e.code) || e.code.startsWith('SQLITE_BUSY') || e.code.startsWith('SQLITE_LOCKED'))
    )
      return true;
    if (typeof e.message === 'string' && TRANSIENT_MESSAGES.some((re) => re.test(e.message as string))) return true;
    queue.push(e.cause, e.driverError);
    if (Array.isArray(e.errors)) queue.push(...e.errors); // AggregateError (e.g. refused on ::1 and 127.0.0.1)
  }
  return false;
}

/** The delay before try number `attempt + 1` (attempt counts from 1). */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/** Runs `fn`; on a transient database error waits (capped exponential backoff) and tries again. */
export async function withTransientRetry<T>(what: string, fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= policy.attempts || !isTransientDatabaseError(err)) throw err;
      const delayMs = backoffDelay(policy, attempt);
      options.logger?.warn(
        { what, attempt, attempts: policy.attempts, delayMs, error: err instanceof Error ? err.message : String(err) },
        `import retry: ${what} failed for a transient reason (${err instanceof Error ? err.message : String(err)}); try ${attempt + 1} of ${policy.attempts} in ${delayMs} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await options.beforeRetry?.(err).catch(() => undefined);
    }
  }
}
