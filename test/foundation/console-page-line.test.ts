import { expect } from 'chai';
import type { Reply } from '../../core/plugin-api/reply';
import { renderReply } from '../../core/transports/console/render-reply';

describe('console page line', () => {
  const goTo = async (): Promise<Reply> => ({ text: '' });

  it('is not printed again when the footer already says the page', () => {
    const reply: Reply = {
      embeds: [{ title: 'Top players by kills', description: '1. a - 3 kills', footer: 'all time · page 1/2' }],
      pagination: { page: 0, pageCount: 2, goTo },
    };
    const text = renderReply(reply, '/tmp').text;
    expect(text.match(/page 1\/2|Page 1 of 2/gi)).to.have.length(1);
  });

  it('is printed when nothing else says the page', () => {
    const reply: Reply = { embeds: [{ title: 'Audit', description: 'rows' }], pagination: { page: 1, pageCount: 3, goTo } };
    expect(renderReply(reply, '/tmp').text.endsWith('Page 2 of 3')).to.equal(true);
  });
});
