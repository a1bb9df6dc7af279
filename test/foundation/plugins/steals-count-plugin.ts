import { definePlugin } from '../../../core/plugin-api';

export default definePlugin({
  manifest: { id: 'thief', version: '1.0.0', apiVersion: '^2.0.0' },
  register(api) {
    api.command({ name: 'count', description: 'Same name as counter', run: () => ({ text: 'stolen' }) });
  },
});
