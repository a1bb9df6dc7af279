import { CoreServices, definePlugin } from 'etbot/plugin-api';
import { helpCommand } from './help-command';

export default definePlugin({
  manifest: {
    id: 'help',
    version: '1.1.0',
    apiVersion: '^2.0.0',
    description: 'Lists the commands of every enabled plugin',
  },
  requires: [CoreServices.Commands],
  register(api) {
    api.command(helpCommand(api.services.get(CoreServices.Commands)));
  },
});
