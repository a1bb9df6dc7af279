import { ROUND_VALUE_FIELDS, type AwardDefinition } from 'etbot/plugin-api';

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Refuses a definition a community plugin got wrong, naming what is wrong (at `add`, not at `!awards`). */
export function checkAwardDefinition(award: AwardDefinition): void {
  if (!ID.test(award.id ?? '')) throw new Error(`award id '${award.id}' must match ${ID}`);
  if (!award.title) throw new Error(`award '${award.id}' has no title`);
  if (!Array.isArray(award.fields) || award.fields.length === 0) throw new Error(`award '${award.id}' reads no fields`);
  const known = new Set<string>(ROUND_VALUE_FIELDS);
  const fields = [...award.fields, ...Object.keys(award.minimums ?? {})];
  const unknown = fields.find((f) => !known.has(f));
  if (unknown) throw new Error(`award '${award.id}' reads '${unknown}', which is not a per-round value (${ROUND_VALUE_FIELDS.join(', ')})`);
  if (award.aggregate !== undefined && award.aggregate !== 'sum' && award.aggregate !== 'max') {
    throw new Error(`award '${award.id}' aggregate '${String(award.aggregate)}' is not 'sum' or 'max'`);
  }
  if (award.direction !== undefined && award.direction !== 'highest' && award.direction !== 'lowest') {
    throw new Error(`award '${award.id}' direction '${String(award.direction)}' is not 'highest' or 'lowest'`);
  }
}
