import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { classifyFileName } from '../../core/parsing';
import { generateFixtures, runFixturesGenerate } from '../../core/parsing/generator';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures');

describe('parsing: fixture generator', () => {
  it('is deterministic: the committed fixtures are exactly seed 42, 2 sessions', () => {
    const result = generateFixtures({ seed: 42, sessions: 2 });
    const committed = readdirSync(FIXTURES)
      .filter((n) => n.endsWith('.txt'))
      .sort();
    expect(result.files.map((f) => f.name).sort()).to.deep.equal(committed);
    for (const f of result.files) expect(readFileSync(join(FIXTURES, f.name), 'utf8'), f.name).to.equal(f.content);
    expect(JSON.parse(readFileSync(join(FIXTURES, 'truth.json'), 'utf8'))).to.deep.equal(result.truth);
  });

  it('gives different files for different seeds', () => {
    const a = generateFixtures({ seed: 1, sessions: 1 });
    const b = generateFixtures({ seed: 2, sessions: 1 });
    expect(a.files.map((f) => f.content)).to.not.deep.equal(b.files.map((f) => f.content));
  });

  it('writes files the way the Lua does: header, lines ending in \\n, " \\t" before the fields', () => {
    const { files } = generateFixtures({ seed: 7, sessions: 1, era: 36 });
    for (const f of files) {
      expect(classifyFileName(f.name)).to.equal('round');
      expect(f.content.endsWith('\n')).to.equal(true);
      expect(f.content.includes('\r')).to.equal(false);
      const [, ...lines] = f.content.slice(0, -1).split('\n');
      for (const l of lines) {
        expect(l).to.match(/^([0-9A-F]{8}|OMNIBOT0)\\[^\\]*\\\d\\[0-3]\\\d+( \d+)* \t/);
        expect(l.split('\t')).to.have.length(37); // prefix + 36 fields
      }
    }
  });

  it('writes local server time in file names for the given zone', () => {
    // Sessions are planned in the server's wall-clock time (evening 1 starts 20:30 local), so file names
    // read the same in any zone, including across a DST change (New York, 2025-11-02).
    const utc = generateFixtures({ seed: 3, sessions: 1, timezone: 'UTC' });
    const lj = generateFixtures({ seed: 3, sessions: 1, timezone: 'Europe/Ljubljana' });
    expect(lj.truth.rounds.map((r) => r.endedAt)).to.deep.equal(utc.truth.rounds.map((r) => r.endedAt));
    const ny = generateFixtures({ seed: 3, sessions: 1, timezone: 'America/New_York', startDate: '2025-11-02' });
    expect(ny.truth.rounds[0]!.endedAt.startsWith('2025-11-02T20:')).to.equal(true);
  });

  it('runFixturesGenerate writes the files and truth.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'etbot-fixtures-'));
    try {
      const { files } = await runFixturesGenerate({ out: dir, seed: 5, sessions: 3, era: 33 });
      const names = await readdir(dir);
      expect(names).to.have.length(files + 1);
      const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8'));
      expect(Object.keys(truth)).to.deep.equal(['players', 'rounds', 'sessions']);
      expect(truth.rounds).to.have.length(files);
      expect(truth.sessions).to.have.length(3);
      for (const p of truth.players) expect(p.revivesGiven).to.equal(null); // era 33 has no field 37
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad CLI options with a clear message', async () => {
    await runFixturesGenerate({ out: '/nonexistent', seed: 1.5 }).then(
      () => expect.fail('should reject'),
      (e: Error) => expect(e.message).to.match(/--seed must be an integer/),
    );
    await runFixturesGenerate({ out: '/nonexistent', seed: 1, era: 35 as never }).then(
      () => expect.fail('should reject'),
      (e: Error) => expect(e.message).to.match(/--era must be 33, 36, 37 or 38/),
    );
  });
});
