import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, maskedConfig, secretValues } from '../../core/config/load-config';

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'etbot-config-'));
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('uses the committed defaults and the SQLite default when nothing is set', () => {
    const cwd = tempDir();
    const { config, secrets } = loadConfig({ env: {}, cwd });
    expect(config.discord.prefix).to.equal('!');
    expect(config.import).to.deep.equal({ pairingWindowMinutes: 45, sessionGapMinutes: 60, maxFileBytes: 4 * 1024 * 1024 });
    expect(config.database.url).to.equal(undefined);
    expect(config.dataDir).to.equal(path.join(cwd, 'data'));
    expect(secrets.discordToken).to.equal(undefined);
  });

  it('layers the user file and the environment over the defaults', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'etbot.config.json'), JSON.stringify({ discord: { prefix: '?' }, import: { sessionGapMinutes: 90 } }));
    const { config, secrets } = loadConfig({ env: { DATABASE_URL: 'postgres://etbot:pw123456@127.0.0.1/etbot', DISCORD_TOKEN: 'tok-secret-value' }, cwd });
    expect(config.discord.prefix).to.equal('?');
    expect(config.import).to.deep.equal({ pairingWindowMinutes: 45, sessionGapMinutes: 90, maxFileBytes: 4 * 1024 * 1024 });
    expect(config.database.url).to.equal('postgres://etbot:pw123456@127.0.0.1/etbot');
    expect(secrets.discordToken).to.equal('tok-secret-value');
    expect(secretValues(secrets, {})).to.include.members(['tok-secret-value', 'pw123456']);
    expect(maskedConfig(config).database.url).to.equal('postgres://etbot:***@127.0.0.1/etbot');
  });

  it('stops on a bad value naming the key, the value, its source and what was expected', () => {
    const cwd = tempDir();
    const file = path.join(cwd, 'etbot.config.json');
    writeFileSync(file, JSON.stringify({ import: { sessionGapMinutes: 'long' } }));
    expect(errorOf(() => loadConfig({ env: {}, cwd }))).to.equal(
      `invalid configuration:\n  - import.sessionGapMinutes is "long" (from ${file}): expected number, received string`,
    );
  });

  it('names a bad value that came from the environment', () => {
    expect(errorOf(() => loadConfig({ env: { DISCORD_GUILD_ID: 'my-guild' }, cwd: tempDir() }))).to.equal(
      'invalid configuration:\n  - discord.guildId is "my-guild" (from environment variable DISCORD_GUILD_ID): expected a Discord snowflake (digits)',
    );
  });

  it('refuses unknown keys', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'etbot.config.json'), JSON.stringify({ discord: { prefx: '?' }, colour: 'red' }));
    const message = errorOf(() => loadConfig({ env: {}, cwd }));
    expect(message).to.contain("unknown key 'colour'");
    expect(message).to.contain("unknown key 'discord.prefx'");
  });

  it('reports a missing --config file and invalid JSON', () => {
    const cwd = tempDir();
    expect(errorOf(() => loadConfig({ env: {}, cwd, file: 'nope.json' }))).to.equal(`config file ${path.join(cwd, 'nope.json')} does not exist`);
    writeFileSync(path.join(cwd, 'bad.json'), '{ "discord": ');
    expect(errorOf(() => loadConfig({ env: {}, cwd, file: 'bad.json' }))).to.match(/^config file .*bad\.json is not valid JSON: /);
  });
});
