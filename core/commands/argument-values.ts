import type { ArgumentDefinition } from '../plugin-api/commands';
import { UsageError } from '../plugin-api/errors';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const USER_MENTION = /^<@!?(\d{15,22})>$/;
const SNOWFLAKE = /^\d{15,22}$/;

/** Converts one raw value to the argument's type, or throws a UsageError saying what was expected. */
export function convertArgument(def: ArgumentDefinition, raw: string | number): string | number {
  const text = String(raw).trim();
  switch (def.type) {
    case 'integer': {
      if (!/^[-+]?\d+$/.test(text)) throw new UsageError(`${def.name} must be a whole number, got '${text}'`);
      return checkIntegerRange(def, text);
    }
    case 'number': {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) throw new UsageError(`${def.name} must be a number, got '${text}'`);
      return checkRange(def, value);
    }
    case 'choice': {
      const choices = def.choices ?? [];
      const lower = text.toLowerCase();
      const hit = choices.find((c) => c.value.toLowerCase() === lower || c.name.toLowerCase() === lower);
      if (!hit) throw new UsageError(`${def.name} must be one of ${choices.map((c) => c.value).join(', ')}; got '${text}'`);
      return hit.value;
    }
    case 'user': {
      const mention = USER_MENTION.exec(text);
      if (mention) return mention[1]!;
      if (SNOWFLAKE.test(text)) return text;
      throw new UsageError(`${def.name} must be a Discord user (@mention or user id), got '${text}'`);
    }
    case 'date': {
      const m = DATE.exec(text);
      const valid = m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (!valid) throw new UsageError(`${def.name} must be a date as YYYY-MM-DD, got '${text}'`);
      return text;
    }
    case 'string':
    case 'player': {
      if (text === '') throw new UsageError(`${def.name} must not be empty`);
      if (text.length > 200) throw new UsageError(`${def.name} is too long (${text.length} characters, at most 200)`);
      return text;
    }
  }
}

/** Integer arguments without a `max` (pages, ids) stop here: nothing beyond it exists, and the database never sees 1e+21. */
export const DEFAULT_INTEGER_MAX = 1_000_000;

function checkIntegerRange(def: ArgumentDefinition, text: string): number {
  const value = Number(text);
  const min = def.min ?? -DEFAULT_INTEGER_MAX;
  const max = def.max ?? DEFAULT_INTEGER_MAX;
  const shown = text.length > 30 ? `${text.slice(0, 27)}...` : text;
  if (value < min) throw new UsageError(`${def.name} must be at least ${min}, got ${shown}`);
  if (value > max || !Number.isSafeInteger(value)) throw new UsageError(`${def.name} must be at most ${max}, got ${shown}`);
  return value;
}

function checkRange(def: ArgumentDefinition, value: number): number {
  if (def.min !== undefined && value < def.min) throw new UsageError(`${def.name} must be at least ${def.min}, got ${value}`);
  if (def.max !== undefined && value > def.max) throw new UsageError(`${def.name} must be at most ${def.max}, got ${value}`);
  return value;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
