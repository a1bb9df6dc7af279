import { expect } from 'chai';
import { CUMULATIVE_FIELDS, IGNORED_FIELDS, PER_ROUND_FIELDS, RATIO_OF_CUMULATIVE_FIELDS } from '../../core/parsing';

describe('parsing: field kinds (spec §3 table "kind" column)', () => {
  it('puts each of the 38 extended fields in exactly one kind', () => {
    const all = [...CUMULATIVE_FIELDS, ...RATIO_OF_CUMULATIVE_FIELDS, ...IGNORED_FIELDS, ...PER_ROUND_FIELDS];
    expect(all).to.have.length(38);
    expect(new Set(all).size).to.equal(38);
    // §3: 0-7 and 22 cumulative (9 fields), 8 a ratio, 20, 21, 23, 24, 26 ignored (5), the other 23 per round.
    expect([CUMULATIVE_FIELDS.length, RATIO_OF_CUMULATIVE_FIELDS.length, IGNORED_FIELDS.length, PER_ROUND_FIELDS.length]).to.deep.equal([9, 1, 5, 23]);
  });
});
