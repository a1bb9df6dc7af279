import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { classifyFileName, contentHash, parseStatsFile, type ParsedRound } from '../../core/parsing';

const DIR = process.env.ETBOT_REAL_STATS ?? '/work/shared/real-stats';

function popcount(n: number): number {
  let c = 0;
  for (let b = 0; b < 28; b++) if (Math.floor(n / 2 ** b) % 2 === 1) c++;
  return c;
}

describe('parsing: the real files in shared/real-stats', function () {
  let names: string[] = [];
  const parsed = new Map<string, ParsedRound>();

  before(function () {
    if (!existsSync(DIR)) {
      console.log(`      notice: ${DIR} does not exist here; skipping the real-file checks`);
      this.skip();
    }
    names = readdirSync(DIR)
      .filter((n) => n.endsWith('.txt'))
      .sort();
  });

  it('classifies every .txt in the folder as a round file', () => {
    expect(names.length).to.be.greaterThan(0);
    for (const n of names) expect(classifyFileName(n), n).to.equal('round');
  });

  it('parses every file with no rejection and no skipped line', () => {
    for (const n of names) {
      const r = parseStatsFile(n, readFileSync(join(DIR, n)));
      if (!r.ok) expect.fail(`${n}: ${r.reason}`);
      expect(r.round.warnings, n).to.deep.equal([]);
      parsed.set(n, r.round);
    }
  });

  it('keeps every non-empty line as a player, with weapon tokens matching the mask (counted independently)', () => {
    let lines = 0;
    for (const n of names) {
      const text = readFileSync(join(DIR, n), 'utf8');
      const playerLines = text
        .split('\n')
        .slice(1)
        .filter((l) => l !== '');
      lines += playerLines.length;
      expect(parsed.get(n)!.players.length, n).to.equal(playerLines.length);
      for (const l of playerLines) {
        const rest = l.split('\\').slice(4).join('\\');
        const tokens = rest.split('\t')[0]!.trim().split(' ');
        expect(tokens.length, `${n}: ${l.slice(0, 20)}`).to.equal(1 + 5 * popcount(Number(tokens[0])));
      }
    }
    expect([...parsed.values()].reduce((s, r) => s + r.players.length, 0)).to.equal(lines);
  });

  it('finds the four eras with the counts taken by hand with awk (25, 32, 194, 1145 lines)', function () {
    if (names.length !== 208) this.skip(); // the counts belong to the 208-file set
    const byEra: Record<number, number> = {};
    for (const r of parsed.values()) for (const p of r.players) byEra[p.era] = (byEra[p.era] ?? 0) + 1;
    expect(byEra).to.deep.equal({ 33: 25, 36: 32, 37: 194, 38: 1145 });
  });

  it('parses the crlf/ copy exactly like its LF twin, with the same content hash', function () {
    const crlfDir = join(DIR, 'crlf');
    if (!existsSync(crlfDir)) this.skip();
    const twins = readdirSync(crlfDir).filter((n) => n.endsWith('.txt'));
    expect(twins.length).to.be.greaterThan(0);
    for (const n of twins) {
      const crlf = readFileSync(join(crlfDir, n));
      const lf = readFileSync(join(DIR, n));
      expect(crlf.includes('\r\n')).to.equal(true);
      expect(parseStatsFile(n, crlf)).to.deep.equal(parseStatsFile(n, lf));
      expect(contentHash(crlf)).to.equal(contentHash(lf));
    }
  });
});
