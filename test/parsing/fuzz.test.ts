import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseStatsFile, type ParseResult } from '../../core/parsing';
import { Rng } from '../../core/parsing/generator/rng';
import { file, HEADER_R1, line, R1_NAME } from './examples';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures');

function seedsFromDisk(): { name: string; content: Buffer }[] {
  return readdirSync(FIXTURES)
    .filter((n) => n.endsWith('.txt'))
    .map((name) => ({ name, content: readFileSync(join(FIXTURES, name)) }));
}

type Mutation = (rng: Rng, b: Buffer) => Buffer;

const SPECIALS = ['\\', '\r', '\n', '\t', ' ', '^', '-', '.', '\0', '\xff', '\r\n', '9'];

const mutations: Record<string, Mutation> = {
  truncate: (rng, b) => b.subarray(0, rng.int(0, b.length)),
  flipBytes: (rng, b) => {
    const out = Buffer.from(b);
    for (let k = rng.int(1, 8); k > 0 && out.length > 0; k--) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
    return out;
  },
  removeTabs: (rng, b) => {
    const s = b.toString('latin1');
    if (rng.chance(0.5)) return Buffer.from(s.replace(/\t/g, ''), 'latin1');
    const i = s.indexOf('\t', rng.int(0, s.length));
    return i < 0 ? b : Buffer.from(s.slice(0, i) + s.slice(i + 1), 'latin1');
  },
  duplicateLines: (rng, b) => {
    const lines = b.toString('latin1').split('\n');
    const i = rng.int(0, lines.length - 1);
    lines.splice(i, 0, ...Array<string>(rng.int(1, 20)).fill(lines[i]!));
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  hugeNumber: (rng, b) => {
    const s = b.toString('latin1');
    const at = s.search(/\d/) < 0 ? 0 : rng.int(0, s.length);
    const m = /\d+/.exec(s.slice(at));
    if (!m) return b;
    const start = at + m.index;
    return Buffer.from(s.slice(0, start) + '9'.repeat(rng.int(10, 400)) + s.slice(start + m[0].length), 'latin1');
  },
  binaryJunk: (rng, b) => {
    const junk = Buffer.alloc(rng.int(0, 2000));
    for (let i = 0; i < junk.length; i++) junk[i] = rng.int(0, 255);
    if (!rng.chance(0.5)) return junk;
    const headerEnd = b.indexOf(10);
    return Buffer.concat([b.subarray(0, headerEnd + 1), junk]);
  },
  empty: () => Buffer.alloc(0),
  insertSpecial: (rng, b) => {
    const i = rng.int(0, b.length);
    return Buffer.concat([b.subarray(0, i), Buffer.from(rng.pick(SPECIALS), 'latin1'), b.subarray(i)]);
  },
  deleteRange: (rng, b) => {
    const i = rng.int(0, b.length);
    return Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + rng.int(1, 60)))]);
  },
  swapLines: (rng, b) => {
    const lines = b.toString('latin1').split('\n');
    rng.shuffle(lines);
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  toCrlf: (_rng, b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'),
};
const MUTATION_NAMES = Object.keys(mutations);

function checkShape(name: string, r: ParseResult): void {
  if (!r.ok) {
    expect(r.fileName).to.equal(name);
    expect(r.reason).to.be.a('string').and.not.equal('');
    return;
  }
  const seen = new Set<number>();
  for (const w of r.round.warnings) {
    expect(Number.isInteger(w.line) && w.line >= 2).to.equal(true);
    expect(w.reason).to.be.a('string').and.not.equal('');
    seen.add(w.line);
  }
  for (const p of r.round.players) {
    expect(seen.has(p.lineNumber), 'a line is either a player or a warning').to.equal(false);
    seen.add(p.lineNumber);
    expect(p.weapons.length).to.be.at.most(28);
    for (const v of [p.kills, p.deaths, p.hits, p.shots, p.headshots, p.timePlayedTenths]) expect(Number.isFinite(v)).to.equal(true);
  }
  expect(r.round.players.length).to.be.greaterThan(0);
}

describe('parsing: fuzz (mutated files never throw; only rejections or warnings)', () => {
  it('survives 12,000 mutated files', function () {
    this.timeout(120000);
    const rng = new Rng(424242);
    const seeds = [...seedsFromDisk(), { name: R1_NAME, content: Buffer.from(file(HEADER_R1, line('ABCDEF12', 'x', '1'))) }];
    const tally = { ok: 0, rejected: 0, warned: 0 };
    for (let i = 0; i < 12000; i++) {
      const seed = rng.pick(seeds);
      let content = seed.content;
      const applied: string[] = [];
      for (let k = rng.int(1, 3); k > 0; k--) {
        const m = rng.pick(MUTATION_NAMES);
        applied.push(m);
        content = mutations[m]!(rng, content);
      }
      let r: ParseResult;
      try {
        r = parseStatsFile(seed.name, content);
      } catch (e) {
        expect.fail(`case ${i} (${applied.join('+')}) on ${seed.name} threw: ${String(e)}`);
      }
      checkShape(seed.name, r);
      if (!r.ok) tally.rejected++;
      else {
        tally.ok++;
        if (r.round.warnings.length > 0) tally.warned++;
      }
    }
    // The mutations must reach all three outcomes, or the fuzz proves little.
    expect(tally.ok).to.be.greaterThan(1000);
    expect(tally.rejected).to.be.greaterThan(1000);
    expect(tally.warned).to.be.greaterThan(1000);
  });

  it('survives mutated file names and strings with lone surrogates', () => {
    const rng = new Rng(99);
    const content = file(HEADER_R1, line('ABCDEF12', '\ud800^\udc00x', '1'));
    for (let i = 0; i < 500; i++) {
      const chars = [...R1_NAME];
      chars[rng.int(0, chars.length - 1)] = rng.pick(['', 'x', '-', '9', '\0', '\ud800', '.']);
      const name = chars.join('');
      checkShape(name, parseStatsFile(name, content));
    }
  });

  describe('work grows linearly with input size (counted string operations, no timing)', () => {
    const methods = ['charCodeAt', 'indexOf', 'slice'] as const;

    function countOps(run: () => void): number {
      let ops = 0;
      const proto = String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
      const originals = methods.map((m) => proto[m]!);
      methods.forEach((m, i) => {
        const orig = originals[i]!;
        proto[m] = function (this: string, ...args: unknown[]) {
          ops++;
          return orig.apply(this, args);
        };
      });
      try {
        run();
      } finally {
        methods.forEach((m, i) => (proto[m] = originals[i]!));
      }
      return ops;
    }

    const shapes: Record<string, (n: number) => string> = {
      'many valid lines': (n) => file(HEADER_R1, ...Array.from({ length: n }, (_, i) => line(i.toString(16).toUpperCase().padStart(8, '0'), `p${i}`, '1'))),
      'many duplicate lines': (n) => file(HEADER_R1, ...Array<string>(n).fill(line('ABCDEF12', 'x', '1'))),
      'one line of many weapon tokens': (n) => file(HEADER_R1, `ABCDEF12\\x\\0\\1\\2065${' 1'.repeat(n * 20)} \t1`),
      'one line of many TAB fields': (n) => file(HEADER_R1, `ABCDEF12\\x\\0\\1\\0 \t${'1\t'.repeat(n * 20)}1`),
      'many backslashes': (n) => file(HEADER_R1, `ABCDEF12${'\\'.repeat(n * 20)}`),
      'many empty lines': (n) => file(HEADER_R1, ...Array<string>(n).fill('')),
      'one huge header': (n) => `${'x\\'.repeat(n * 20)}\n`,
    };

    for (const [shape, make] of Object.entries(shapes)) {
      it(shape, () => {
        const small = make(500);
        const large = make(4000); // 8x the input
        const a = countOps(() => parseStatsFile(R1_NAME, small));
        const b = countOps(() => parseStatsFile(R1_NAME, large));
        const sizeRatio = large.length / small.length;
        expect(a).to.be.greaterThan(0);
        // Linear work keeps the op ratio near the size ratio; quadratic work would give ~64x.
        expect(b / Math.max(a, 1), `${a} -> ${b} ops for ${sizeRatio.toFixed(1)}x input`).to.be.at.most(sizeRatio * 1.25 + 1);
      });
    }
  });
});
