import { expect } from 'chai';
import { stripColors } from '../../core/parsing';

describe('parsing: clean names (spec §7, §9 "Clean names")', () => {
  const cases: [string, string][] = [
    ['^1Sn^7ake', 'Snake'],
    ['^/sl^7asher', 'slasher'], // ^/ is a code
    ['^?Qu^7estion', 'Question'], // ^? is a code
    ['^^1a', '^a'], // '^^' is not a code: keep one '^', then ^1 is
    ['^^^1a', '^^a'],
    ['a ^ b', 'a ^ b'], // '^' before a space is not a code
    ['tab^\tx', 'tab^x'], // '^' before a TAB is not a code; the TAB (a control character) is dropped
    ['end^', 'end^'], // a trailing caret stays
    ['^4Doc ^7"Holli^4day^7"', 'Doc "Holliday"'],
    ['two  spaces ', 'two  spaces '], // no trimming
    ['bell\u0007name\u0000', 'bellname'], // control characters dropped
    ['del\u007fc1\u0085', 'delc1'], // DEL and C1 controls are Cc too
    ['^1Grün^7wald', 'Grünwald'],
    ['^xR^7ookie', 'Rookie'], // any character other than ^ and whitespace is a code
    ['^é', ''],
    ['', ''],
  ];

  for (const [raw, clean] of cases) {
    it(`${JSON.stringify(raw)} -> ${JSON.stringify(clean)}`, () => {
      expect(stripColors(raw)).to.equal(clean);
    });
  }
});
