import { definePlugin } from '../../../core/plugin-api';

export default definePlugin({
  manifest: { id: 'throwing', version: '1.0.0', apiVersion: '^2.0.0' },
  register(api) {
    api.command({ name: 'half-registered', description: 'Registered before the throw', run: () => ({ text: 'x' }) });
    throw new Error('boom while loading');
  },
});
