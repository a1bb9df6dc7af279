import type { EventMap } from '../plugin-api/events';

/** What a collector needs from the importer (core/ingest's importFile fits it). */
export interface FileSink {
  importFile(path: string, opts: { source: string; serverId: string }): Promise<{ status: string }>;
  /** Records a file that is not fetched (too big) as rejected, with the reason and its size. */
  recordRejected(name: string, reason: string, opts: { source: string; serverId: string; size: number }): Promise<{ status: string }>;
}

export type CollectorEventName = 'collector.error' | 'collector.recovered';

/** How collectors raise their events; the module wires it to the app's event bus. */
export type CollectorEmit = <E extends CollectorEventName>(name: E, payload: EventMap[E]) => void;

export type CollectorState = 'stopped' | 'starting' | 'running' | 'failing' | 'stopping';

/** One collector's health, for `!status`. Times are ISO strings. */
export interface CollectorStatus {
  name: string;
  type: 'local' | 'sftp';
  serverId: string;
  /** What it watches: the folder, or `user@host:port/path` (no secrets). */
  target: string;
  state: CollectorState;
  lastSuccessAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** Files handed to the importer since start (any outcome). */
  filesFetched: number;
  /** Files waiting for the importer, the in-flight one included. */
  queueDepth: number;
}

export interface Collector {
  readonly name: string;
  start(): Promise<void>;
  /** Stops watching or polling and waits for the in-flight import. */
  stop(): Promise<void>;
  status(): CollectorStatus;
}
