import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderReply } from '../../core/transports/console/render-reply';
import { escapeName } from '../../core/text/escape';

describe('console rendering', () => {
  it('prints embeds as text without Discord markdown, names as typed', () => {
    const name = '**star** _x_ @everyone';
    const out = renderReply(
      { text: `Stats for **${escapeName(name)}**`, embeds: [{ title: 'T', fields: [{ name: 'K/D', value: '**1.87** (450 kills)' }], footer: 'f' }] },
      os.tmpdir(),
    );
    expect(out.text).to.equal('Stats for **star** _x_ @everyone\n\nT\n───\nK/D: 1.87 (450 kills)\n\nf');
  });

  it('writes images to the output folder and lists their paths', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'etbot-render-'));
    const data = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const out = renderReply({ files: [{ name: '../evil/graph.png', data }] }, dir);
    expect(out.files).to.deep.equal([path.join(dir, 'graph.png')]);
    expect(readFileSync(out.files[0]!)).to.deep.equal(data);
    expect(out.text).to.equal(`Image written: ${path.join(dir, 'graph.png')}`);
  });

  it("prints each action (a Discord button) as the command line that gives its answer, with the bot's prefix", () => {
    const reply = {
      text: 'Axis won 2-0',
      actions: [
        { label: 'Why?', command: 'why last' },
        { label: 'More', command: 'stats slasher' },
      ],
    };
    expect(renderReply(reply, os.tmpdir(), '?').text).to.equal('Axis won 2-0\n\nWhy? → ?why last\nMore → ?stats slasher');
  });
});

describe('console rendering of code', () => {
  it('leaves code blocks and spans as they are (a masked password stays ***)', () => {
    const out = renderReply({ text: '**Config**\n```json\n{ "url": "redis://:***@127.0.0.1" }\n```\n`a\\_b` and a\\_b' }, os.tmpdir());
    expect(out.text).to.equal('Config\n```json\n{ "url": "redis://:***@127.0.0.1" }\n```\n`a\\_b` and a_b');
  });
});
