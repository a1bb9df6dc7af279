import { expect } from 'chai';
import { forEachDatabase, loadFixtureTruth, type TestBot } from 'etbot/testing';
import { HOSTILE_NAMES, writeHostileRound } from './hostile-round';
import { startWebBot, type WebTestBot } from './web-bot';

const truth = loadFixtureTruth();
const slasher = truth.players.find((p) => p.guid === 'B5F6FD48')!;

forEachDatabase('web: the JSON API (inject)', (handle) => {
  let web: WebTestBot;
  let bot: TestBot;
  before(async () => {
    web = await startWebBot({ database: handle.url });
    bot = web.bot;
  });
  after(async () => bot?.stop());

  const get = async (url: string) => {
    const res = await web.site().inject({ url });
    return { status: res.statusCode, headers: res.headers, json: JSON.parse(res.body) as Record<string, any> };
  };

  it("gives a player's totals as truth.json has them, worded as !stats words them", async () => {
    const { status, json } = await get('/api/v1/players/B5F6FD48');
    expect(status).to.equal(200);
    expect(json.player).to.deep.equal({ guid: 'B5F6FD48', name: 'slasher' });
    expect(json.totals.rounds).to.equal(19);
    expect(json.totals.kills).to.equal(125);
    expect(json.totals.deaths).to.equal(38);
    expect(json.totals.damageGiven).to.equal(33418);
    // 125 / 38 = 3.289... -> 3.29; 33418 dmg over 9186 s = 218.28 DPM; 1182 / 5746 hits = 20.57%.
    const display = Object.fromEntries(json.display.map((f: { name: string; value: string }) => [f.name, f.value]));
    expect(display['K/D']).to.equal('3.29 (125 kills, 38 deaths)');
    expect(display.DPM).to.equal('218.28');
    expect(display.Accuracy).to.equal('20.57% (1182 hits, 5746 shots)');
    expect(display['Time played']).to.equal('2h 33m');
    expect(json.weapons.reduce((n: number, w: { kills: number }) => n + w.kills, 0)).to.be.at.most(slasher.kills);
    expect(json.maps.reduce((n: number, m: { rounds: number }) => n + m.rounds, 0)).to.equal(19);
    expect(json.otherNames).to.be.an('array');
    expect(json.rating).to.have.property('rating').that.is.a('number');
  });

  it('equals !stats for the same player, field by field', async () => {
    const reply = await bot.run('!stats slasher');
    const fromDiscord = Object.fromEntries(reply.embeds![0]!.fields!.map((f) => [f.name, f.value]));
    const { json } = await get('/api/v1/players/B5F6FD48');
    for (const f of json.display as { name: string; value: string }[]) expect(f.value, f.name).to.equal(fromDiscord[f.name]);
  });

  it('ranks by kills as truth.json counts them, and as !top kills lists them', async () => {
    const { status, json } = await get('/api/v1/leaderboards/kills?pageSize=100');
    expect(status).to.equal(200);
    // Every player with rounds but the bot (OMNIBOT GUID), which boards leave out by default.
    expect(json.total).to.equal(truth.players.filter((p) => p.rounds > 0 && !p.guid.startsWith('OMNIBOT0')).length);
    expect(json.entries[0]).to.include({ rank: 1, name: 'slasher', value: 125, display: '125 kills' });
    expect(json.entries[1]).to.include({ rank: 2, name: 'Doc "Holliday"', value: 115 });
    for (const e of json.entries) expect(e.value, e.name).to.equal(truth.players.find((p) => p.guid === e.guid)!.kills);
    const top = await bot.text('!top kills');
    const firstPage = json.entries.slice(0, 10).map((e: { rank: number; name: string; display: string }) => `${e.rank}. ${e.name} - ${e.display}`);
    for (const line of firstPage) expect(top).to.include(line);
  });

  it('pages a board and takes a time window', async () => {
    const page2 = await get('/api/v1/leaderboards/kills?page=2&pageSize=5');
    expect(page2.json.page).to.equal(2);
    expect(page2.json.entries[0].rank).to.equal(6);
    const nov = await get('/api/v1/leaderboards/kills?window=2025-11-07');
    expect(nov.json.window).to.equal('2025-11-07');
    // Only the first session's rounds: nobody has more kills than all time.
    for (const e of nov.json.entries) expect(e.value).to.be.at.most(truth.players.find((p) => p.guid === e.guid)!.kills);
    const none = await get('/api/v1/leaderboards/kills?window=2020-01');
    expect(none.json.total).to.equal(0);
  });

  it('lists the sessions and gives one with its maps, score and teams', async () => {
    const list = await get('/api/v1/sessions');
    expect(list.json.month).to.equal('2025-11');
    expect(list.json.sessions.map((s: { rounds: number; maps: number }) => [s.rounds, s.maps])).to.deep.equal(truth.sessions.map((s) => [s.rounds, s.maps]));
    const first = await get('/api/v1/sessions/1');
    expect(first.json).to.include({ number: 1, rounds: 9, maps: 4, start: '2025-11-07T20:41:38', end: '2025-11-07T22:12:12' });
    expect(first.json.matches).to.have.length(4);
    expect(first.json.players.every((p: { team: string | null }) => p.team === 'A' || p.team === 'B' || p.team === null)).to.equal(true);
    const last = await get('/api/v1/sessions/last');
    expect(last.json.number).to.equal(2);
    const round = await get(`/api/v1/rounds/${first.json.roundList[0].roundId}`);
    expect(round.status).to.equal(200);
    expect(round.json.map).to.equal(first.json.roundList[0].map);
  });

  it('finds players by part of a name', async () => {
    const { json } = await get('/api/v1/players?q=slash');
    expect(json.players).to.deep.equal([{ guid: 'B5F6FD48', name: 'slasher' }]);
  });

  it('answers 400 with the reason for bad parameters, 404 for unknown things', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/v1/leaderboards/kills?window=yesterday', 400, /not a time window/],
      ['/api/v1/leaderboards/kills?window=2025-02-30', 400, /not a real date/],
      ['/api/v1/leaderboards/kills?page=0', 400, /page must be >= 1/],
      ['/api/v1/leaderboards/kills?page=99', 404, /there is 1 page/],
      ['/api/v1/leaderboards/nonsense', 404, /no leaderboard 'nonsense'/],
      ['/api/v1/leaderboards/rating?window=30d', 400, /the skill rating is all time only/],
      ['/api/v1/players?q=', 400, /q must NOT have fewer than 1 characters/],
      ['/api/v1/players/NOSUCHGUID', 404, /no player with GUID NOSUCHGUID/],
      ['/api/v1/sessions/abc', 400, /must match pattern/],
      ['/api/v1/sessions/99', 404, /no session #99/],
      ['/api/v1/sessions?month=2025-13', 400, /month must be YYYY-MM/],
      ['/api/v1/rounds/0', 400, /must be >= 1/],
      ['/api/v1/records', 404, /records are not available/],
      ['/api/v1/nothing', 404, /nothing at \/api\/v1\/nothing/],
    ];
    for (const [url, status, reason] of cases) {
      const res = await get(url);
      expect(res.status, url).to.equal(status);
      expect(res.json.error, url).to.match(reason);
    }
  });

  it('describes every route in the OpenAPI document', async () => {
    const { json } = await get('/api/v1/openapi.json');
    expect(json.openapi).to.match(/^3\./);
    for (const path of [
      '/api/v1/players',
      '/api/v1/players/{guid}',
      '/api/v1/leaderboards/{stat}',
      '/api/v1/sessions',
      '/api/v1/sessions/{which}',
      '/api/v1/rounds/{id}',
    ]) {
      expect(json.paths, path).to.have.property(path);
    }
    const docs = await web.site().inject({ url: '/api/docs' });
    expect(docs.statusCode).to.equal(200);
    expect(docs.body).to.include('GET /api/v1/leaderboards/{stat}');
  });

  it('sends a Content-Security-Policy and the usual security headers, and nothing of the configuration', async () => {
    const res = await web.site().inject({ url: '/' });
    expect(res.statusCode).to.equal(200);
    expect(String(res.headers['content-security-policy']))
      .to.include("script-src 'self'")
      .and.include("object-src 'none'")
      .and.include("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).to.equal('nosniff');
    expect(res.headers['x-frame-options']).to.equal('SAMEORIGIN');
    expect(res.headers['referrer-policy']).to.equal('no-referrer');
    expect(res.headers['x-powered-by']).to.equal(undefined);
    for (const url of ['/config', '/plugins.json', '/static/../options.js', '/static/%2e%2e/index.js', '/.env']) {
      expect((await web.site().inject({ url })).statusCode, url).to.equal(404);
    }
  });

  it('answers HEAD as GET', async () => {
    const res = await web.site().inject({ method: 'HEAD', url: '/api/v1/leaderboards/kills' });
    expect(res.statusCode).to.equal(200);
  });

  it('serves what another plugin adds through the web service (route and page)', async () => {
    const route = await get('/api/v1/x/web-probe/hello/more?name=there');
    expect(route.status).to.equal(200);
    expect(route.json).to.deep.equal({ hello: 'there', rest: 'more' });
    const page = await web.site().inject({ url: '/x/web-probe/about' });
    expect(page.body).to.include('<p id="probe-page">added by web-probe</p>');
    const home = await web.site().inject({ url: '/' });
    expect(home.body).to.include('About the probe');
    expect((await get('/api/v1/x/web-probe/nope')).status).to.equal(404);
  });

  it('shows hostile names literally in every page and the JSON', async () => {
    await bot.importFile(writeHostileRound());
    const board = await get('/api/v1/leaderboards/kills');
    expect(board.json.entries.slice(0, 2).map((e: { name: string }) => e.name)).to.deep.equal([...HOSTILE_NAMES]);
    for (const url of [
      '/',
      '/leaderboards?stat=kills',
      '/leaderboards?stat=kills&window=2025-11-30',
      '/players/BADB0001',
      '/players/BADB0002',
      '/players?q=alert',
      '/sessions',
      '/sessions/last',
    ]) {
      const res = await web.site().inject({ url });
      expect(res.statusCode, url).to.equal(200);
      expect(res.body, url).not.to.include('<script>alert');
      expect(res.body, url).not.to.include('<img src=x');
      if (url !== '/sessions') expect(res.body, url).to.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;|&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
    }
  });
});
