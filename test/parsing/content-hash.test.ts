import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { contentHash } from '../../core/parsing';

const sha = (s: string): string => createHash('sha256').update(Buffer.from(s, 'utf8')).digest('hex');

describe('parsing: contentHash (the duplicate key, spec §8/§9)', () => {
  it('is the sha256 of the LF form, for LF and CRLF, Buffer and string', () => {
    const lf = 'h\\a\nl1\nl2\n';
    const crlf = 'h\\a\r\nl1\r\nl2\r\n';
    expect(contentHash(lf)).to.equal(sha(lf));
    expect(contentHash(crlf)).to.equal(sha(lf));
    expect(contentHash(Buffer.from(crlf))).to.equal(sha(lf));
  });

  it('leaves a lone CR alone and differs when content differs', () => {
    expect(contentHash('a\rb\n')).to.equal(sha('a\rb\n'));
    expect(contentHash('a\r\r\nb')).to.equal(sha('a\r\nb'));
    expect(contentHash('a\n')).to.not.equal(contentHash('b\n'));
  });
});
