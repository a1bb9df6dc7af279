import { definePlugin } from '../../../core/plugin-api';
import { escapeName } from '../../../core/text/escape';

/** A plugin with a plain command and a player command, for the Discord module test. */
export default definePlugin({
  manifest: { id: 'discord-ping', version: '1.0.0', apiVersion: '^2.0.0', description: 'Discord module test plugin' },
  register(api) {
    api.command({ name: 'ping', description: 'Answers pong', run: () => ({ text: 'pong' }) });
    api.command({
      name: 'lookup',
      description: 'Looks a player up',
      args: [{ name: 'player', type: 'player', description: 'Player name', required: true }],
      run: (_ctx, args) => ({ text: `found ${escapeName(String(args.player))}` }),
    });
  },
});
