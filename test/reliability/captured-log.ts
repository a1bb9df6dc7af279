import type { RetryLogger } from '../../core/ingest/retry';

/** A logger that keeps every line, for asserting on what an operator would read. */
export class CapturedLog implements RetryLogger {
  readonly lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];

  warn(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'warn', fields, message });
  }

  messages(): string[] {
    return this.lines.map((l) => l.message);
  }
}
