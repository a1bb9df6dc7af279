import { definePlugin } from 'etbot/plugin-api';

/** A small plugin with a command and a job, for enable/disable tests. */
export default definePlugin({
  manifest: { id: 'ticker', version: '1.0.0', apiVersion: '^2.0.0' },
  register(api) {
    api.command({ name: 'tick', description: 'Says tock', run: () => ({ text: 'tock' }) });
    api.job({ name: 'tick-job', every: '10m', run: () => undefined });
  },
});
