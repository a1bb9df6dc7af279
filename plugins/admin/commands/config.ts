import { maskedConfig, secretValues } from '../../../core/config/load-config';
import { scrubSecrets } from '../../../core/logging/create-logger';
import { defineCommand } from '../../../core/plugin-api';
import { codeBlock } from '../format';
import type { AdminServices } from '../services';

/** The effective configuration as text with every secret masked (URL passwords, the token, env secrets). */
export function configText(s: Pick<AdminServices, 'config' | 'secrets'>, env: NodeJS.ProcessEnv = process.env): string {
  const text = JSON.stringify(maskedConfig(s.config), null, 2);
  // Defence in depth: any known secret value that slipped into another field is replaced as well.
  return scrubSecrets(text, secretValues(s.secrets, env, s.config));
}

export function configCommand(s: AdminServices) {
  return defineCommand({
    name: 'config',
    description: 'The effective configuration, secrets masked',
    category: 'admin',
    adminOnly: true,
    examples: ['!config'],
    run() {
      const text = configText(s);
      const reply = { text: codeBlock(text, 'json'), ephemeral: true };
      if (text.length > 1900) return { ...reply, files: [{ name: 'config.json', data: Buffer.from(text) }] };
      return reply;
    },
  });
}
