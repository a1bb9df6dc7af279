/** One row of the benchmark table. */
export interface Figure {
  name: string;
  /** null: not measured (see note). */
  value: number | null;
  unit: string;
  target?: Target;
  /** p50 beside a p95, the scale, or why a figure is missing. */
  note?: string;
}

export interface Target {
  op: '<=' | '>=' | '<' | '>';
  value: number;
}

/** What the single benchmarks return: `target` as a number or as text like '<= 50'. */
export interface RawResult {
  name: string;
  value: number;
  unit: string;
  target?: number | string;
}

/** Units where more is better; every other numeric target is an upper bound. */
const HIGHER_IS_BETTER = /(\/s|share)$/;

export function toTarget(target: number | string | undefined, unit: string): Target | undefined {
  if (target === undefined) return undefined;
  if (typeof target === 'number') return { op: HIGHER_IS_BETTER.test(unit) ? '>=' : '<=', value: target };
  const m = /^\s*(<=|>=|<|>)\s*(-?[\d.]+)\s*$/.exec(target);
  if (!m) throw new Error(`benchmark target '${target}' is not like '<= 50'`);
  return { op: m[1] as Target['op'], value: Number(m[2]) };
}

export function fromRaw(r: RawResult, note?: string): Figure {
  return { name: r.name, value: r.value, unit: r.unit, target: toTarget(r.target, r.unit), note };
}

export function met(f: Figure): boolean | null {
  if (!f.target || f.value === null) return null;
  const { op, value } = f.target;
  if (op === '<=') return f.value <= value;
  if (op === '>=') return f.value >= value;
  if (op === '<') return f.value < value;
  return f.value > value;
}

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
