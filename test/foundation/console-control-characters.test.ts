import { expect } from 'chai';
import os from 'node:os';
import { renderReply } from '../../core/transports/console/render-reply';

describe('console transport: control characters', () => {
  it('ESC, BEL and the other control characters are shown escaped (\\x1b, \\x07), newlines and tabs kept', () => {
    const reply = {
      text: 'no player \u001b[31mred\u0007 found\r',
      embeds: [{ title: 'T\u0000', description: 'a\tb\nc\u009b', fields: [{ name: 'n\u007f', value: '`code \u001b`' }] }],
    };
    const { text } = renderReply(reply, os.tmpdir());
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(text).to.not.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).to.include('no player \\x1b[31mred\\x07 found\\x0d');
    expect(text).to.include('T\\x00');
    expect(text).to.include('a\tb\nc\\x9b');
    expect(text).to.include('n\\x7f: `code \\x1b`');
  });
});
