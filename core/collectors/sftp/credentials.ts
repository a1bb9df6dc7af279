import { readFile } from 'node:fs/promises';
import type { SftpCredentials } from './sftp-session';

export interface CredentialSources {
  username: string;
  privateKeyPath?: string;
  passphraseEnv?: string;
  passwordEnv?: string;
}

/**
 * Reads the key file and the secrets from the environment variables the config names. Errors name
 * the variable or the file, never a secret's value.
 */
export async function loadCredentials(src: CredentialSources, env: NodeJS.ProcessEnv = process.env): Promise<SftpCredentials> {
  if (!src.privateKeyPath && !src.passwordEnv) {
    throw new Error(`no SSH credentials configured for '${src.username}': set privateKeyPath or passwordEnv`);
  }
  const creds: SftpCredentials = { username: src.username };
  if (src.privateKeyPath) {
    try {
      creds.privateKey = await readFile(src.privateKeyPath);
    } catch (err) {
      throw new Error(`cannot read private key file ${src.privateKeyPath}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, { cause: err });
    }
    if (src.passphraseEnv) creds.passphrase = requireEnv(env, src.passphraseEnv, 'passphraseEnv');
  }
  if (src.passwordEnv) creds.password = requireEnv(env, src.passwordEnv, 'passwordEnv');
  return creds;
}

function requireEnv(env: NodeJS.ProcessEnv, name: string, setting: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} (named by ${setting}) is not set`);
  return value;
}
