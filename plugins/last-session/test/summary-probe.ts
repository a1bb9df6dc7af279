import { definePlugin, LastSessionServices, type ServiceResolver, type SessionSummaryService } from 'etbot/plugin-api';

/**
 * A test plugin that depends on last-session, as the announcer does: it sees the provided session
 * summary and the core services a plugin gets.
 */
export function summaryProbe() {
  let services: ServiceResolver | undefined;
  const definition = definePlugin({
    manifest: { id: 'summary-probe', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: ['last-session'] },
    register(api) {
      services = api.services;
    },
  });
  const resolver = (): ServiceResolver => {
    if (!services) throw new Error('the summary probe is not registered (is last-session enabled?)');
    return services;
  };
  return {
    definition,
    get services(): ServiceResolver {
      return resolver();
    },
    get summary(): SessionSummaryService {
      return resolver().get(LastSessionServices.SessionSummary);
    },
  };
}
