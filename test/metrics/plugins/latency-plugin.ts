import { CoreServices } from '../../../core/app/tokens';
import { definePlugin } from '../../../core/plugin-api';

/** Commands whose reply takes a known time on the test's fake clock, and one that fails. */
export default definePlugin({
  manifest: { id: 'latency', version: '1.0.0', apiVersion: '^2.0.0' },
  register(api) {
    const clock = api.services.get(CoreServices.Clock) as unknown as { advance(ms: number): Promise<void> };
    api.command({
      name: 'wait',
      description: 'Replies after the given milliseconds of fake time',
      args: [{ name: 'ms', type: 'integer', description: 'milliseconds', required: true }] as const,
      async run(_ctx, args) {
        await clock.advance(args.ms);
        return { text: 'done' };
      },
    });
    api.command({ name: 'boom', description: 'Always fails', run: () => Promise.reject(new Error('boom')) });
  },
});
