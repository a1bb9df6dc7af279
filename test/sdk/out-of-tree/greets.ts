// A second community plugin, in TypeScript, compiled against the types the etbot package ships.
import { createServiceToken, defineCommand, definePlugin, QueryServices } from 'etbot/plugin-api';

interface Greeter {
  greet(name: string): string;
}
const GreeterService = createServiceToken<Greeter>('community.greeter');

export default definePlugin({
  manifest: { id: 'greets', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: { greeter: '^1.0.0' } },
  requires: [QueryServices.Players],
  register(api) {
    const greeter = api.services.get(GreeterService);
    api.command(
      defineCommand({
        name: 'greet',
        description: 'Greets someone',
        args: [{ name: 'who', type: 'string', description: 'Whom to greet', required: true, rest: true }] as const,
        run: (_ctx, args) => ({ text: greeter.greet(args.who) }),
      }),
    );
  },
});
