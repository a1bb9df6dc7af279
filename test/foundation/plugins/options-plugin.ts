import { z } from 'zod';
import { definePlugin } from '../../../core/plugin-api';

export default definePlugin({
  manifest: { id: 'options', version: '1.0.0', apiVersion: '^2.0.0' },
  configSchema: z.object({ greeting: z.string().default('hello'), times: z.number().int().min(1).default(1) }).strict(),
  register(api) {
    api.command({ name: 'greet', description: 'Greets', run: () => ({ text: Array(api.options.times).fill(api.options.greeting).join(' ') }) });
  },
});
