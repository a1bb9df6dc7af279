import type { CollectorStatus } from '../collectors/types';
import type { JobState } from '../scheduler/scheduler';
import { createServiceToken } from './services';

/** One plugin as `!plugins` shows it. */
export interface PluginInfo {
  id: string;
  /** How plugins.json names it (`id`, path or package). */
  ref: string;
  version: string | null;
  description: string | null;
  state: 'enabled' | 'disabled' | 'failed';
  error: string | null;
  commands: number;
  jobs: number;
  handlers: number;
  /** Services it provides to other plugins now. */
  provides: string[];
}

/** What changing a plugin did, to it and to the plugins that depend on it. */
export interface PluginChangeInfo {
  status: PluginInfo;
  /** One line per dependant disabled, reloaded or enabled again with it. */
  dependants: string[];
}

/** Enable, disable and reload plugins at run time (saved to plugins.json). Errors are for the admin to read. */
export interface PluginControl {
  list(): PluginInfo[];
  enable(ref: string): Promise<PluginChangeInfo>;
  disable(ref: string): Promise<PluginChangeInfo>;
  reload(ref: string): Promise<PluginChangeInfo>;
}

/** The effective configuration as JSON text, every secret masked (URL passwords, the token, env secrets). */
export interface ConfigView {
  maskedJson(): string;
}

export type JobInfo = JobState;

/** The scheduled jobs of every plugin, read-only. */
export interface JobCatalog {
  list(): JobInfo[];
}

export type { CollectorStatus };

/** The collectors' state, read-only. */
export interface CollectorStatusView {
  status(): CollectorStatus[];
}

/** Tokens of the narrow admin services defined here; the full set is `AdminServices` (index). */
export const AdminTokens = {
  Plugins: createServiceToken<PluginControl>('admin.plugins'),
  Configuration: createServiceToken<ConfigView>('admin.configuration'),
  Jobs: createServiceToken<JobCatalog>('admin.jobs'),
  Collectors: createServiceToken<CollectorStatusView>('admin.collectors'),
} as const;

/** A plugin change that cannot be made (unknown id, missing dependency, failed load): the message is for the admin. */
export class PluginControlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginControlError';
  }
}
