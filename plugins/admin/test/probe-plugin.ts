import { definePlugin, type ServiceResolver } from 'etbot/plugin-api';

/**
 * A test plugin that hands the test the services every plugin gets (`api.services`): the admin
 * plugin's view of the bot, read from the test the same way. Load `probe.plugin` next to it.
 */
export class ServiceProbe {
  private resolver: ServiceResolver | undefined;

  readonly plugin = definePlugin({
    manifest: { id: 'probe', version: '1.0.0', apiVersion: '^2.0.0' },
    register: (api) => {
      this.resolver = api.services;
    },
  });

  get services(): ServiceResolver {
    if (!this.resolver) throw new Error("the probe plugin is not loaded: add probe.plugin to the test bot's plugins");
    return this.resolver;
  }
}
