import { definePlugin } from '../../../core/plugin-api';

export default definePlugin({
  manifest: { id: 'needs-counter', version: '1.0.0', apiVersion: '^2.0.0', dependsOn: { counter: '^1.0.0' } },
  register(api) {
    api.command({ name: 'dependent', description: 'Depends on counter', run: () => ({ text: 'ok' }) });
  },
});
