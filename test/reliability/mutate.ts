import { Rng } from '../../core/parsing/generator/rng';

/** Ways a stats file gets damaged in the wild: cut short, bit rot, lost tabs, repeated or shuffled lines, junk. */
const MUTATIONS: ((rng: Rng, b: Buffer) => Buffer)[] = [
  (rng, b) => b.subarray(0, rng.int(0, b.length)),
  (rng, b) => {
    const out = Buffer.from(b);
    for (let k = rng.int(1, 6); k > 0 && out.length > 0; k--) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
    return out;
  },
  (rng, b) => {
    const s = b.toString('latin1');
    const i = s.indexOf('\t', rng.int(0, s.length));
    return i < 0 ? Buffer.from(s.replace(/\t/g, ''), 'latin1') : Buffer.from(s.slice(0, i) + s.slice(i + 1), 'latin1');
  },
  (rng, b) => {
    const lines = b.toString('latin1').split('\n');
    const i = rng.int(0, lines.length - 1);
    lines.splice(i, 0, ...Array<string>(rng.int(1, 5)).fill(lines[i]!));
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  (rng, b) => {
    const s = b.toString('latin1');
    const digits = /\d+/g;
    digits.lastIndex = rng.int(0, s.length);
    const m = digits.exec(s);
    if (!m) return b;
    return Buffer.from(s.slice(0, m.index) + '9'.repeat(rng.int(10, 60)) + s.slice(m.index + m[0].length), 'latin1');
  },
  (rng, b) => {
    const junk = Buffer.alloc(rng.int(0, 800));
    for (let i = 0; i < junk.length; i++) junk[i] = rng.int(0, 255);
    return rng.chance(0.5) ? junk : Buffer.concat([b.subarray(0, b.indexOf(10) + 1), junk]);
  },
  () => Buffer.alloc(0),
  (rng, b) => {
    const i = rng.int(0, b.length);
    return Buffer.concat([b.subarray(0, i), Buffer.from(rng.pick(['\\', '\r', '\n', '\t', ' ', '^', '-', '\0', "'", '%']), 'latin1'), b.subarray(i)]);
  },
  (rng, b) => {
    const i = rng.int(0, b.length);
    return Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + rng.int(1, 60)))]);
  },
  (rng, b) => {
    const lines = b.toString('latin1').split('\n');
    rng.shuffle(lines);
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  (_rng, b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'),
  (_rng, b) => b, // left intact: the good files among the bad
];

/** One damaged (or, one time in twelve, intact) copy of `content`. */
export function mutate(rng: Rng, content: Buffer): Buffer {
  return rng.pick(MUTATIONS)(rng, content);
}
