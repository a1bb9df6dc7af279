import { expect } from 'chai';
import { performance } from 'node:perf_hooks';
import { loadTruth } from '../queries/truth';
import type { RecordedRequest } from '../fake-discord';
import { ask, startE2EBot, type E2EBot } from './e2e-bot';
import { expectedStatsFields, killsBoardLines, percentile, shown, statsFieldsOf } from './expectations';

const truth = loadTruth();
const COMMANDS = 50;

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`Discord end to end: ${COMMANDS} commands at once [${kind}]`, function () {
    this.timeout(120_000);
    let e: E2EBot;

    before(async () => {
      e = await startE2EBot({ database: kind, plugins: ['stats', 'leaderboards'] });
    });

    after(async () => {
      await e?.stop();
    });

    it(`answers ${COMMANDS} concurrent \`!stats\` / \`!top\` commands from two users, each correctly (latency measured, not asserted)`, async () => {
      const players = truth.players.filter((p) => /^[0-9A-F]{8}$/.test(p.guid));
      const board = killsBoardLines(truth);
      const { alice, bob } = e.fake.world.users;

      const jobs = Array.from({ length: COMMANDS }, (_, i) => {
        const user = i % 2 === 0 ? alice : bob;
        if (i % 3 === 2) {
          const page = (i % 2) + 1;
          return {
            user,
            content: `!top kills ${page}`,
            check: (body: any) =>
              expect(body.embeds[0].description.split('\n').map(shown), `!top kills ${page}`).to.deep.equal(board.slice((page - 1) * 10, page * 10)),
          };
        }
        const p = players[i % players.length]!;
        return {
          user,
          content: `!stats ${p.guid}`,
          check: (body: any) => {
            expect(shown(body.embeds[0].title)).to.equal(`Stats for ${p.name}`);
            expect(statsFieldsOf(body.embeds[0]), p.name).to.deep.equal(expectedStatsFields(p));
          },
        };
      });

      // One of each first, so the figure is the burst's and not the first call's warm-up.
      await ask(e.fake, `!stats ${players[0]!.guid}`);
      await ask(e.fake, '!top kills');
      // discord.js allows 50 REST calls per second (Discord's global limit); a fresh second lets the
      // 50 replies measure the bot, not that limiter.
      await new Promise((resolve) => setTimeout(resolve, 1100));

      // All messages go out in the same tick. One wait at a time takes the next reply as it arrives
      // (a reply that came in between is found at once), so its time is the reply's arrival.
      const sentAt = new Map<string, number>();
      const sent = jobs.map((job) => {
        const message = e.fake.sendUserMessage(job.content, { user: job.user });
        sentAt.set(message.id, performance.now());
        return message.id;
      });
      const arrived = new Map<string, { req: RecordedRequest; ms: number }>();
      while (arrived.size < sent.length) {
        const req = await e.fake.waitForRequest(
          (r) => r.method === 'POST' && sentAt.has(r.body?.message_reference?.message_id) && !arrived.has(r.body.message_reference.message_id),
          60_000,
          `replies to all ${COMMANDS} commands (${arrived.size} so far)`,
        );
        const id = req.body.message_reference.message_id as string;
        arrived.set(id, { req, ms: performance.now() - sentAt.get(id)! });
      }
      const answered = sent.map((id) => arrived.get(id)!);

      answered.forEach(({ req }, i) => jobs[i]!.check(req.body));
      const latencies = answered.map((a) => a.ms);
      const p50 = percentile(latencies, 50);
      const p95 = percentile(latencies, 95);
      console.log(
        `      ${COMMANDS} concurrent commands [${kind}]: reply latency p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
      );
    });
  });
}
