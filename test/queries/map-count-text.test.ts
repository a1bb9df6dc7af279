import { expect } from 'chai';
import { mapCountText } from '../../core/queries/map-count-text';

describe('mapCountText', () => {
  it('says "N maps" when every map was played to the end', () => {
    expect(mapCountText({ played: 5, leftAfterR1: 0, orphanR2s: 0 })).to.equal('5 maps');
    expect(mapCountText({ played: 1, leftAfterR1: 0, orphanR2s: 0 })).to.equal('1 map');
  });

  it('counts maps left after R1 and R2s without their R1 apart, so the count adds up to the maps listed', () => {
    expect(mapCountText({ played: 5, leftAfterR1: 1, orphanR2s: 0 })).to.equal('5 maps played to the end, 1 left after R1');
    expect(mapCountText({ played: 4, leftAfterR1: 0, orphanR2s: 1 })).to.equal('4 maps played to the end, 1 R2 without its R1');
    expect(mapCountText({ played: 0, leftAfterR1: 2, orphanR2s: 1 })).to.equal('0 maps played to the end, 2 left after R1, 1 R2 without its R1');
  });
});
