import { expect } from 'chai';
import { escapeName, stripEscapes } from '../../core/text/escape';

describe('escapeName', () => {
  it('escapes markdown so a name shows literally', () => {
    expect(escapeName('**Wolf**')).to.equal('\\*\\*Wolf\\*\\*');
    expect(escapeName('a_b_c')).to.equal('a\\_b\\_c');
    expect(escapeName('`x`')).to.equal('\\`x\\`');
    expect(escapeName('||spoiler||')).to.equal('\\|\\|spoiler\\|\\|');
    expect(escapeName('~~gone~~')).to.equal('\\~\\~gone\\~\\~');
    expect(escapeName('> quote')).to.equal('\\> quote');
    expect(escapeName('# head')).to.equal('\\# head');
    expect(escapeName('<@123456789012345678>')).to.equal('\\<@123456789012345678>');
  });

  it('leaves plain names, @everyone and <3 alone (mentions never ping anyway)', () => {
    expect(escapeName('Plain Name 42')).to.equal('Plain Name 42');
    expect(escapeName('@everyone')).to.equal('@everyone');
    expect(escapeName('i <3 et')).to.equal('i <3 et');
  });

  it('is undone by stripEscapes for plain-text output', () => {
    for (const name of ['**Wolf**', 'a_b_c', '`x`', '> quote', '# head', '<@1>', 'back\\slash', '-dash', '1. one']) {
      expect(stripEscapes(escapeName(name))).to.equal(name);
    }
  });
});
