import { definePlugin, LinkServices, QueryServices } from 'etbot/plugin-api';
import { linkCommand } from './link-command';
import { LinkTargets } from './link-targets';
import { unlinkCommand } from './unlink-command';

export default definePlugin({
  manifest: {
    id: 'link',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: '!link and !unlink: Discord account <-> player',
  },
  requires: [LinkServices.Links, QueryServices.Players, QueryServices.DataStatus],
  register(api) {
    const links = api.services.get(LinkServices.Links);
    const targets = new LinkTargets(api.services.get(QueryServices.Players), api.services.get(QueryServices.DataStatus));
    api.command(linkCommand(links, targets));
    api.command(unlinkCommand(links));
  },
});
