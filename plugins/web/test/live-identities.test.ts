import { expect } from 'chai';
import http from 'node:http';
import { startWebBot, type WebTestBot } from './web-bot';

/** A server-sent event stream's text so far, read until `close()`. */
function openEvents(url: string): Promise<{ text: () => string; close: () => void }> {
  return new Promise((resolve, reject) => {
    let body = '';
    const req = http.get(url, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      resolve({ text: () => body, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('web: open pages refresh when GUIDs are merged', function () {
  this.timeout(60_000);
  let web: WebTestBot;

  before(async () => {
    web = await startWebBot({ database: 'sqlite', extraPlugins: ['admin'] });
  });
  after(async () => web?.bot.stop());

  it('sends the rounds event to the open pages after !merge, as after an import', async () => {
    const stream = await openEvents(`${web.site().url()!.replace(/\/?$/, '/')}events`);
    try {
      // Whatever the fixtures' import had queued (sent 250 ms after it) is out before the merge.
      await sleep(1_000);
      const before = stream.text().length;
      const merged = await web.bot.run('!merge 39137DDE 5AFE0001', { admin: true });
      expect(merged.isError, merged.text).to.not.equal(true);
      for (let i = 0; i < 40 && !stream.text().slice(before).includes('event: rounds'); i++) await sleep(100);
      // A GUID never seen: no round was written again, the pages refresh all the same.
      expect(stream.text().slice(before)).to.equal('event: rounds\ndata: {"rounds":[]}\n\n');
    } finally {
      stream.close();
    }
  });
});
