import type { CollectorStatus } from 'etbot/plugin-api';

export interface CheckResult {
  /** `database`, or `collector <name>`. */
  component: string;
  ok: boolean;
  detail: string;
  latencyMs?: number;
}

/** A collector is healthy unless it is failing (it has its own retry and backoff). */
export function checkCollector(status: CollectorStatus): CheckResult {
  const component = `collector ${status.name}`;
  if (status.state === 'failing') {
    return { component, ok: false, detail: `failing (${status.consecutiveFailures} in a row): ${status.lastError ?? 'unknown error'}` };
  }
  return { component, ok: true, detail: `${status.state}, last success ${status.lastSuccessAt ?? 'never'}` };
}
