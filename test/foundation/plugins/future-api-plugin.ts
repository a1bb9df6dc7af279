import { definePlugin } from '../../../core/plugin-api';

export default definePlugin({
  manifest: { id: 'future', version: '1.0.0', apiVersion: '^3.0.0' },
  register() {},
});
