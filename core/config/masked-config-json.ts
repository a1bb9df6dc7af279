import { scrubSecrets } from '../logging/create-logger';
import { maskedConfig, secretValues } from './load-config';
import type { EtbotConfig, Secrets } from './schema';

/** The effective configuration as JSON with every secret masked (URL passwords, the token, env secrets). */
export function maskedConfigJson(config: EtbotConfig, secrets: Secrets, env: NodeJS.ProcessEnv = process.env): string {
  const text = JSON.stringify(maskedConfig(config), null, 2);
  // Defence in depth: any known secret value that slipped into another field is replaced as well.
  return scrubSecrets(text, secretValues(secrets, env, config));
}
