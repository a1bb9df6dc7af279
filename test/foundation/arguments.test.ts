import { expect } from 'chai';
import { parseArgumentOptions, parseArgumentText, usageLine } from '../../core/commands/parse-arguments';
import { tokenize } from '../../core/commands/tokenize';
import type { CommandDefinition } from '../../core/plugin-api';

const top: CommandDefinition = {
  name: 'top',
  description: 'Leaderboard',
  args: [
    {
      name: 'stat',
      type: 'choice',
      description: 'Stat',
      required: true,
      choices: [
        { name: 'Kills', value: 'kills' },
        { name: 'K/D', value: 'kd' },
      ],
    },
    { name: 'page', type: 'integer', description: 'Page', min: 1 },
  ],
  run: () => ({}),
};
const stats: CommandDefinition = {
  name: 'stats',
  description: 'Stats',
  args: [{ name: 'player', type: 'player', description: 'Player' }],
  run: () => ({}),
};
const compare: CommandDefinition = {
  name: 'compare',
  description: 'Compare',
  args: [
    { name: 'a', type: 'player', description: 'A', required: true },
    { name: 'b', type: 'player', description: 'B', required: true },
  ],
  run: () => ({}),
};
const link: CommandDefinition = {
  name: 'link',
  description: 'Link',
  args: [
    { name: 'user', type: 'user', description: 'User', required: true },
    { name: 'since', type: 'date', description: 'Date' },
  ],
  run: () => ({}),
};

describe('command arguments', () => {
  it('tokenizes with double quotes grouping words', () => {
    expect(tokenize('a "b c" d').map((t) => t.value)).to.deep.equal(['a', 'b c', 'd']);
    expect(tokenize('"unclosed name').map((t) => t.value)).to.deep.equal(['"unclosed', 'name']);
  });

  it('converts choices case-insensitively by value or name, and integers', () => {
    expect(parseArgumentText(top, 'KILLS 2')).to.deep.equal({ stat: 'kills', page: 2 });
    expect(parseArgumentText(top, 'k/d')).to.deep.equal({ stat: 'kd', page: undefined });
  });

  it('lets the last player argument take the rest of the line', () => {
    expect(parseArgumentText(stats, 'big bad  wolf')).to.deep.equal({ player: 'big bad  wolf' });
    expect(parseArgumentText(stats, '"quoted name"')).to.deep.equal({ player: 'quoted name' });
    expect(parseArgumentText(compare, '"a b" c d')).to.deep.equal({ a: 'a b', b: 'c d' });
  });

  it('says what was wrong', () => {
    expect(() => parseArgumentText(top, '')).to.throw('missing stat');
    expect(() => parseArgumentText(top, 'deaths')).to.throw("stat must be one of kills, kd; got 'deaths'");
    expect(() => parseArgumentText(top, 'kills two')).to.throw("page must be a whole number, got 'two'");
    expect(() => parseArgumentText(top, 'kills 0')).to.throw('page must be at least 1, got 0');
    expect(() => parseArgumentText(top, 'kills 1 extra words')).to.throw("unexpected 'extra words'");
    expect(() => parseArgumentText(link, 'bob')).to.throw("user must be a Discord user (@mention or user id), got 'bob'");
    expect(() => parseArgumentText(link, '<@123456789012345678> 2025-02-30')).to.throw("since must be a date as YYYY-MM-DD, got '2025-02-30'");
  });

  it('reads user mentions and dates', () => {
    expect(parseArgumentText(link, '<@!123456789012345678> 2025-02-28')).to.deep.equal({ user: '123456789012345678', since: '2025-02-28' });
  });

  it('validates slash options with the same rules', () => {
    expect(parseArgumentOptions(top, { stat: 'kd', page: 3 })).to.deep.equal({ stat: 'kd', page: 3 });
    expect(() => parseArgumentOptions(top, { page: 3 })).to.throw('missing stat');
    expect(() => parseArgumentOptions(top, { stat: 'kd', color: 'red' })).to.throw('unknown option color');
  });

  it('builds the usage line', () => {
    expect(usageLine(top, '!')).to.equal('!top <kills|kd> [page]');
    expect(usageLine(compare, '?')).to.equal('?compare <a> <b>');
  });
});
