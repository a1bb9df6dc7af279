/// <reference lib="dom" />
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestBot } from 'etbot/testing';
import { launchChromium } from './browser';
import { HOSTILE_NAMES, writeHostileRound } from './hostile-round';
import { startWebBot, type WebTestBot } from './web-bot';

const SCREENSHOTS = path.resolve(process.cwd(), 'docs', 'web');

describe('web: the pages in Chromium', function () {
  this.timeout(120_000);
  let web: WebTestBot;
  let bot: TestBot;
  let url: string;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  let context: BrowserContext;
  const problems: string[] = [];
  const dialogs: string[] = [];
  const loadTimes: Record<string, number> = {};

  before(async () => {
    chromium = await launchChromium();
    browser = chromium.browser;
    web = await startWebBot({ database: 'sqlite' });
    bot = web.bot;
    url = web.site().url()!;
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  });
  after(async () => {
    await context?.close();
    await chromium?.close();
    await bot?.stop();
    const times = Object.entries(loadTimes).map(([page, ms]) => `${page} ${ms.toFixed(0)} ms`);
    if (times.length > 0) console.log(`      DOMContentLoaded on 127.0.0.1: ${times.join(', ')}`);
  });

  async function open(pathAndQuery: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`${pathAndQuery}: console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`${pathAndQuery}: ${err.message}`));
    page.on('dialog', async (dialog) => {
      dialogs.push(`${pathAndQuery}: ${dialog.type()} ${dialog.message()}`);
      await dialog.dismiss();
    });
    const response = await page.goto(`${url}${pathAndQuery}`, { waitUntil: 'load' });
    expect(response?.status(), pathAndQuery).to.equal(200);
    loadTimes[pathAndQuery] = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return nav.domContentLoadedEventEnd - nav.startTime;
    });
    // The page script connects to the event stream once it ran.
    await page.waitForFunction(() => document.body.dataset.live === 'open');
    return page;
  }

  async function shoot(page: Page, name: string) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }

  async function boardLines(page: Page): Promise<string[]> {
    return page.$$eval('#board tbody tr', (rows) =>
      rows.map((r) => {
        const cells = (r as HTMLTableRowElement).cells;
        return `${cells[0]!.textContent!.trim()}. ${cells[1]!.textContent!.trim()} - ${cells[2]!.textContent!.trim()}`;
      }),
    );
  }

  it('loads every page with no console error', async () => {
    const pages = [
      '/',
      '/leaderboards',
      '/leaderboards?stat=kd&window=2025-11',
      '/players?q=s',
      '/players/B5F6FD48',
      '/sessions',
      '/sessions/1',
      '/api/docs',
      '/x/web-probe/about',
    ];
    for (const p of pages) {
      const page = await open(p);
      if (p === '/players/B5F6FD48' || p === '/sessions/1') {
        await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((el) => (el as HTMLElement).dataset.drawn === 'true'));
      }
      expect(await page.evaluate(() => document.body.dataset.chartError ?? null), p).to.equal(null);
      if (p === '/') await shoot(page, 'home');
      if (p === '/players/B5F6FD48') await shoot(page, 'player');
      if (p === '/sessions/1') {
        await page.locator('[data-chart="session-kills"]').scrollIntoViewIfNeeded();
        await shoot(page, 'session');
      }
      await page.close();
    }
    expect(problems).to.deep.equal([]);
  });

  it('shows the leaderboard numbers !top kills gives', async () => {
    const page = await open('/leaderboards?stat=kills');
    const lines = await boardLines(page);
    const top = await bot.text('!top kills');
    expect(lines.length).to.be.greaterThan(10);
    for (const line of lines.slice(0, 10)) expect(top).to.include(line);
    await shoot(page, 'leaderboard');
    await page.close();
  });

  it('shows the player numbers !stats slasher gives', async () => {
    const page = await open('/players/B5F6FD48');
    expect(await page.textContent('#player-name')).to.equal('slasher');
    const shown = await page.$$eval('#totals dd', (dds) => dds.map((dd) => [(dd as HTMLElement).dataset.field!, dd.textContent!]));
    const reply = await bot.run('!stats slasher');
    const fields = Object.fromEntries(reply.embeds![0]!.fields!.map((f) => [f.name, f.value]));
    expect(shown.length).to.equal(12);
    for (const [name, value] of shown) expect(value, name).to.equal(fields[name!]);
    await page.close();
  });

  it('switches the stat and the window, sorts by a column, and links a row to the player page', async () => {
    const page = await open('/leaderboards');
    await Promise.all([page.waitForURL(/stat=kd/), page.selectOption('#stat-select', 'kd')]);
    expect(await page.textContent('#board-title')).to.equal('Top players by K/D');
    const kd = await bot.text('!top kd');
    for (const line of (await boardLines(page)).slice(0, 10)) expect(kd).to.include(line);

    await Promise.all([page.waitForURL(/window=30d/), page.selectOption('#window-select', '30d')]);
    expect((await page.textContent('#board-window'))!.trim()).to.match(/^last 30 days/);
    await Promise.all([page.waitForURL(/window=all/), page.selectOption('#window-select', 'all')]);

    await page.click('#board th:nth-child(5) button');
    const kills = await page.$$eval('#board tbody td:nth-child(5)', (tds) => tds.map((td) => Number(td.textContent)));
    expect(kills).to.deep.equal([...kills].sort((a, b) => a - b));
    await page.click('#board th:nth-child(5) button');
    const killsDown = await page.$$eval('#board tbody td:nth-child(5)', (tds) => tds.map((td) => Number(td.textContent)));
    expect(killsDown).to.deep.equal([...kills].sort((a, b) => b - a));

    await Promise.all([page.waitForURL(/\/players\/B5F6FD48$/), page.click('#board a.player:text-is("slasher")')]);
    expect(await page.textContent('#player-name')).to.equal('slasher');
    await page.close();
  });

  it('updates open pages when a round is imported, and shows hostile names literally with no dialog', async () => {
    const board = await open('/leaderboards?stat=kills');
    const home = await open('/');
    await bot.importFile(writeHostileRound());
    await board.waitForFunction(() => document.body.dataset.updates === '1', undefined, { timeout: 10_000 });
    await home.waitForFunction(() => document.body.dataset.updates === '1', undefined, { timeout: 10_000 });
    const names = await board.$$eval('#board tbody tr td:nth-child(2)', (tds) => tds.slice(0, 2).map((td) => td.textContent));
    expect(names).to.deep.equal([...HOSTILE_NAMES]);
    expect(await board.$$eval('img', (imgs) => imgs.length)).to.equal(0);
    expect(await home.textContent('#home-kills')).to.include(HOSTILE_NAMES[0]);
    await board.close();
    await home.close();

    for (const [guid, name] of [
      ['BADB0001', HOSTILE_NAMES[0]],
      ['BADB0002', HOSTILE_NAMES[1]],
    ] as const) {
      const page = await open(`/players/${guid}`);
      expect(await page.textContent('#player-name')).to.equal(name);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-chart="history"]')?.dataset.drawn === 'true');
      await page.hover('[data-chart="history"]');
      await page.close();
    }
    const session = await open('/sessions/last');
    await session.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((el) => (el as HTMLElement).dataset.drawn === 'true'));
    expect(await session.textContent('#team-A, #team-B, #team-none')).to.be.a('string');
    expect(await session.content()).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
    const chart = session.locator('[data-chart="session-kills"]');
    await chart.scrollIntoViewIfNeeded();
    await chart.hover();
    await session.waitForTimeout(300);
    await session.close();
    expect(dialogs).to.deep.equal([]);
    expect(problems).to.deep.equal([]);
  });

  it('is readable on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`${url}/leaderboards?stat=kills`);
    // Nothing wider than the screen but the scrolling table itself.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).to.be.at.most(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone.png') });
    await phone.close();
  });
});
