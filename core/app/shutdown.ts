import type { Logger } from '../logging/logger';

export interface ShutdownOptions {
  logger: Logger;
  stop: () => Promise<void>;
  /** Called when a second signal arrives during a graceful stop. */
  forceExit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
  target?: NodeJS.EventEmitter;
}

/**
 * First SIGTERM/SIGINT: stop gracefully (collectors stop, the import in flight finishes, the
 * database closes). A second signal while stopping exits at once.
 * Returns a promise that resolves when the graceful stop has finished.
 */
export function handleShutdownSignals(options: ShutdownOptions): { stopped: Promise<string>; dispose: () => void } {
  const target = options.target ?? process;
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const forceExit = options.forceExit ?? ((code: number) => process.exit(code));
  let stopping = false;
  let resolveStopped!: (signal: string) => void;
  const stopped = new Promise<string>((resolve) => (resolveStopped = resolve));

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.logger.warn(`${signal} again: exiting now without finishing the graceful stop`);
      forceExit(130);
      return;
    }
    stopping = true;
    options.logger.info(`${signal} received: stopping (send it again to force)`);
    options
      .stop()
      .catch((err: unknown) => options.logger.error({ err }, 'graceful stop failed'))
      .finally(() => resolveStopped(signal));
  };
  for (const s of signals) target.on(s, onSignal);
  return {
    stopped,
    dispose: () => {
      for (const s of signals) target.off(s, onSignal);
    },
  };
}
