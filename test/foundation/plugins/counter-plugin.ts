import { definePlugin } from '../../../core/plugin-api';

/** Registers one of everything so tests can check that disposal leaves nothing behind. */
export default definePlugin({
  manifest: { id: 'counter', version: '1.2.0', apiVersion: '^2.0.0', description: 'test plugin' },
  register(api) {
    api.command({ name: 'count', aliases: ['cnt'], description: 'Counts', run: () => ({ text: 'counted' }) });
    api.job({ name: 'tick', every: '1m', run: () => undefined });
    api.on('round.imported', () => undefined);
  },
});
