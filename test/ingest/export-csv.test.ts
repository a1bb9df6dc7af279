import { expect } from 'chai';
import { toCsv } from '../../core/export';

describe('CSV export', () => {
  it('writes a header and quotes only what needs it; null is empty, objects are JSON', () => {
    const csv = toCsv([
      { guid: 'A', name: `O'Neil "x", jr`, accuracy: null, score: { r1Attackers: 0, r2Attackers: 2 } },
      { guid: 'B', name: ' lead space', accuracy: 35.4, score: null },
    ]);
    expect(csv).to.equal('guid,name,accuracy,score\r\n' + `A,"O'Neil ""x"", jr",,"{""r1Attackers"":0,""r2Attackers"":2}"\r\n` + 'B," lead space",35.4,\r\n');
  });
});
