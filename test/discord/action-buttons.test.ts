import { expect } from 'chai';
import { defineCommand } from '../../core/plugin-api/commands';
import { Colors, type Reply } from '../../core/plugin-api/reply';
import type { RecordedRequest } from '../fake-discord';
import { startHarness, type Harness } from './harness';

const EPHEMERAL = 64;

const result = defineCommand({
  name: 'result',
  description: 'A result with a button that explains it',
  run: (): Reply => ({ text: 'Axis won 2-0', actions: [{ label: 'Why?', command: 'explain 7' }] }),
});

const explain = defineCommand({
  name: 'explain',
  description: 'Explains a result, for whoever asks',
  args: [{ name: 'id', type: 'integer', description: 'Which result', required: true }],
  run: (ctx, args): Reply => ({ embeds: [{ title: `Why result ${args.id}`, description: `asked by ${ctx.caller.name}`, color: Colors.neutral }] }),
});

const orphan = defineCommand({
  name: 'orphan',
  description: 'A button to a command nobody registered',
  run: (): Reply => ({ text: 'no way to explain', actions: [{ label: 'Why?', command: 'nothere 1' }] }),
});

function page(n: number): Reply {
  return {
    embeds: [{ title: `Page ${n + 1}`, color: Colors.neutral }],
    pagination: { page: n, pageCount: 2, timeoutSeconds: 1, goTo: async (p) => page(p) },
    actions: [{ label: 'Why?', command: `explain ${n + 1}` }],
  };
}

const pagedResult = defineCommand({
  name: 'pagedresult',
  description: 'Two pages, each with its button, the page buttons expiring after one second',
  run: () => page(0),
});

/** Rows of buttons as Discord got them: [custom id, label] per button. */
function rows(body: { components?: { components: { custom_id: string; label: string }[] }[] }): [string, string][][] {
  return (body.components ?? []).map((row) => row.components.map((b) => [b.custom_id, b.label]));
}

describe('action buttons (real discord.js + Sapphire against the fake Discord)', function () {
  let h: Harness;

  before(async () => {
    h = await startHarness({ commands: [result, explain, orphan, pagedResult] });
  });
  after(async () => {
    await h?.stop();
  });

  const world = () => h.fake.world;

  it('puts the button under a prefix reply; a press runs its command as the presser, answered to them only', async () => {
    h.fake.sendUserMessage('!result');
    const post = await h.fake.waitForChannelMessage();
    expect(post.body.content).to.equal('Axis won 2-0');
    expect(rows(post.body)).to.deep.equal([[['etbot-run:explain 7', 'Why?']]]);

    const press = h.fake.pressButton(post.response.id as string, 'etbot-run:explain 7', { user: world().users.bob });
    const callback = await h.fake.waitForCallback(press);
    expect(callback.body.type).to.equal(5);
    expect(callback.body.data.flags).to.equal(EPHEMERAL);
    const answer = await h.fake.waitForOriginalEdit(press);
    expect(answer.body.embeds[0].title).to.equal('Why result 7');
    expect(answer.body.embeds[0].description).to.equal('asked by bob');
    expect(h.fake.originalMessage(press)!.flags! & EPHEMERAL).to.equal(EPHEMERAL);
    expect(h.fake.message(post.response.id as string)!.content).to.equal('Axis won 2-0');
  });

  it('puts the button under a slash reply too', async () => {
    const i = h.fake.sendSlashCommand('result');
    const callback = await h.fake.waitForCallback(i);
    expect(rows(callback.body.data)).to.deep.equal([[['etbot-run:explain 7', 'Why?']]]);
  });

  it('shows no button for a command that is not registered, and answers a press of a stale one clearly', async () => {
    h.fake.sendUserMessage('!orphan');
    const post = await h.fake.waitForChannelMessage();
    expect(post.body.content).to.equal('no way to explain');
    expect(rows(post.body)).to.deep.equal([]);

    // A button from before its command went away (a plugin disabled since).
    const press = h.fake.pressButton(post.response.id as string, 'etbot-run:nothere 1');
    const answer: RecordedRequest = await h.fake.waitForOriginalEdit(press);
    expect(answer.body.content).to.match(/^Unknown command `!nothere`\./);
  });

  it("keeps a paged reply's button under the page buttons, follows the page, and keeps it when the page buttons go", async () => {
    h.fake.sendUserMessage('!pagedresult');
    const post = await h.fake.waitForChannelMessage();
    const id = post.response.id as string;
    const [pageRow, actionRow] = rows(post.body);
    expect(pageRow!.map(([, label]) => label)).to.deep.equal(['◀ Prev', '1 / 2', 'Next ▶']);
    expect(actionRow).to.deep.equal([['etbot-run:explain 1', 'Why?']]);

    const next = h.fake.pressButton(id, pageRow![2]![0]);
    const page2 = await h.fake.waitForOriginalEdit(next);
    expect(page2.body.embeds[0].title).to.equal('Page 2');
    expect(rows(page2.body)[1]).to.deep.equal([['etbot-run:explain 2', 'Why?']]);

    const removal = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/channels/${world().channelId}/messages/${id}`);
    expect(rows(removal.body)).to.deep.equal([[['etbot-run:explain 2', 'Why?']]]);
  });
});
