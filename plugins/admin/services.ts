import { HostServices } from '../../core/app/tokens';
import { CoreServices } from '../../core/app/tokens';
import { AuditServices } from '../../core/audit/tokens';
import { CacheServices } from '../../core/cache/tokens';
import { CollectorServices } from '../../core/collectors/tokens';
import { DataServices } from '../../core/data/tokens';
import { AnnouncementServices } from '../../core/announcements/tokens';
import { MetricsServices } from '../../core/metrics/tokens';
import type { PluginApi, ServiceToken } from '../../core/plugin-api';
import type { AdminOptions } from './options';

/**
 * The services the admin commands use. Core ones are always there; the others depend on which core
 * modules run, so they are looked up when needed (a command says what is missing instead of the
 * plugin failing to load).
 */
export function adminServices(api: PluginApi<AdminOptions>) {
  const optional = <T>(token: ServiceToken<T>): T | undefined => (api.services.has(token) ? api.services.get(token) : undefined);
  return {
    config: api.services.get(CoreServices.Config),
    secrets: api.services.get(HostServices.Secrets),
    clock: api.services.get(CoreServices.Clock),
    plugins: api.services.get(HostServices.PluginHost),
    scheduler: api.services.get(HostServices.Scheduler),
    runner: api.services.get(HostServices.CommandRunner),
    database: () => optional(DataServices.Database),
    importer: () => optional(DataServices.Importer),
    collectors: () => optional(CollectorServices.Manager),
    cache: () => optional(CacheServices.QueryCache),
    metrics: () => optional(MetricsServices.Metrics),
    audit: () => optional(AuditServices.Log),
    announcements: () => optional(AnnouncementServices.Announcements),
  };
}

export type AdminServices = ReturnType<typeof adminServices>;
