import { AwardsServices, CoreServices, definePlugin, QueryServices } from 'etbot/plugin-api';
import { AwardRegistryImpl } from './award-registry';
import { awardsCommand } from './awards-command';
import { BUILT_IN_AWARDS } from './built-in-awards';

export default definePlugin({
  manifest: {
    id: 'awards',
    version: '1.0.0',
    apiVersion: '^2.0.0',
    description: '!awards for a session, date, map or player; provides the award registry other plugins add awards to',
  },
  requires: [QueryServices.RoundValues, QueryServices.SessionRows, QueryServices.PlayerResolver, QueryServices.DataStatus, QueryServices.Bots],
  register(api) {
    const values = api.services.get(QueryServices.RoundValues);
    const registry = new AwardRegistryImpl(values, api.services.get(QueryServices.Bots));
    for (const award of BUILT_IN_AWARDS) registry.add(api.id, award);
    api.provide(AwardsServices.Registry, registry);
    const clock = api.services.get(CoreServices.Clock);
    api.command(
      awardsCommand(registry, api.services.get(QueryServices.DataStatus), {
        sessions: api.services.get(QueryServices.SessionRows),
        values,
        resolver: api.services.get(QueryServices.PlayerResolver),
        now: () => clock.now(),
      }),
    );
  },
});
