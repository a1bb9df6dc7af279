import { LogLevel, type ILogger } from '@sapphire/framework';
import type { Logger } from '../../logging/logger';

const LEVELS: Record<number, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'> = {
  [LogLevel.Trace]: 'trace',
  [LogLevel.Debug]: 'debug',
  [LogLevel.Info]: 'info',
  [LogLevel.Warn]: 'warn',
  [LogLevel.Error]: 'error',
  [LogLevel.Fatal]: 'fatal',
};

/** Sapphire's logger interface on top of our pino logger. */
export function sapphireLogger(logger: Logger): ILogger {
  const write = (level: LogLevel, ...values: readonly unknown[]): void => {
    const method = LEVELS[level];
    if (!method) return;
    const err = values.find((v) => v instanceof Error);
    const text = values
      .filter((v) => !(v instanceof Error))
      .map(String)
      .join(' ');
    if (err) logger[method]({ err }, text || (err as Error).message);
    else logger[method](text);
  };
  return {
    has: (level) => LEVELS[level] !== undefined && logger.isLevelEnabled(LEVELS[level]),
    trace: (...v) => write(LogLevel.Trace, ...v),
    debug: (...v) => write(LogLevel.Debug, ...v),
    info: (...v) => write(LogLevel.Info, ...v),
    warn: (...v) => write(LogLevel.Warn, ...v),
    error: (...v) => write(LogLevel.Error, ...v),
    fatal: (...v) => write(LogLevel.Fatal, ...v),
    write,
  };
}
