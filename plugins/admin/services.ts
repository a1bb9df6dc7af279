import { AdminServices, AnnouncementServices, CacheServices, CoreServices, MetricsServices, QueryServices, type PluginApi } from 'etbot/plugin-api';
import type { AuditLog } from './audit/audit-log';
import type { AdminOptions } from './options';

/** Core services the admin plugin cannot work without (checked before it registers). */
export const adminRequires = [CoreServices.Config, CoreServices.Clock, AdminServices.Plugins, AdminServices.Configuration, AdminServices.Jobs] as const;

/**
 * The services the admin commands use. The required ones are always there; the others depend on
 * which core modules run in this process (a command says what is missing instead of the plugin
 * failing to load).
 */
export function adminServices(api: PluginApi<AdminOptions>, audit: AuditLog) {
  const optional = api.services.getOptional.bind(api.services);
  return {
    config: api.services.get(CoreServices.Config),
    clock: api.services.get(CoreServices.Clock),
    plugins: api.services.get(AdminServices.Plugins),
    configuration: api.services.get(AdminServices.Configuration),
    jobs: api.services.get(AdminServices.Jobs),
    audit,
    database: () => optional(AdminServices.Database),
    imports: () => optional(AdminServices.Imports),
    identities: () => optional(AdminServices.Identities),
    files: () => optional(QueryServices.StatsFiles),
    collectors: () => optional(AdminServices.Collectors),
    cache: () => optional(CacheServices.QueryCache),
    metrics: () => optional(MetricsServices.Metrics),
    announcements: () => optional(AnnouncementServices.Announcements),
  };
}

export type AdminServiceSet = ReturnType<typeof adminServices>;
