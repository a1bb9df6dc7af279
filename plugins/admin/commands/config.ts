import { defineCommand } from 'etbot/plugin-api';
import { codeBlock } from '../format';
import type { AdminServiceSet } from '../services';

export function configCommand(s: AdminServiceSet) {
  return defineCommand({
    name: 'config',
    description: 'The effective configuration, secrets masked',
    category: 'admin',
    adminOnly: true,
    examples: ['!config'],
    run() {
      const text = s.configuration.maskedJson();
      const reply = { text: codeBlock(text, 'json'), ephemeral: true };
      if (text.length > 1900) return { ...reply, files: [{ name: 'config.json', data: Buffer.from(text) }] };
      return reply;
    },
  });
}
