import { writeFileSync } from 'node:fs';
import { expect } from 'chai';
import { ChartService } from '../../core/charts/chart-service';
import { buildSessionOption } from '../../core/charts/session-option';
import { SESSION_IMAGE_SIZE } from '../../core/charts/session-layout';
import type { SessionChartData } from '../../core/charts/types';
import { ChartDataError } from '../../core/charts/validate';
import { pixelStats, readPngHeader } from './png-inspect';
import { sampleSession } from './sample-data';
import { rejection } from './rejection';
import { renderedSvg, svgTexts } from './svg-text';

/** Three players whose labels are worked out by hand in the tests below. */
function handMadeSession(): SessionChartData {
  return {
    title: '^1Session^7 2026-11-20',
    players: [
      {
        name: '^4Bo^3b',
        kills: 12,
        deaths: 20,
        dpm: 120,
        accuracy: null,
        timePlayedSeconds: 1800,
        timeDeadSeconds: 600,
        damageGiven: 4321,
        damageReceived: 6000,
      },
      {
        name: '^1Ace^7Gunner',
        kills: 30,
        deaths: 10,
        dpm: 250.4,
        accuracy: 100 / 3,
        timePlayedSeconds: 3725,
        timeDeadSeconds: 754,
        damageGiven: 12345,
        damageReceived: 2500,
      },
      {
        name: 'Charlie_^xLongNameBeyondSixteen',
        kills: 21,
        deaths: 21,
        dpm: 180,
        accuracy: 25,
        timePlayedSeconds: 3000,
        timeDeadSeconds: 900,
        damageGiven: 9000,
        damageReceived: 9100,
      },
    ],
    weapons: [
      { name: 'MP40', kills: 40 },
      { name: 'Thompson', kills: 23 },
    ],
  };
}

describe('charts: six-graph session image', () => {
  let sample: Buffer;

  before(async () => {
    sample = await new ChartService().renderSessionImage(sampleSession(8, 12));
    writeFileSync('/tmp/etbot-session-sample.png', sample);
  });

  it('is a PNG of the documented size, 1800 x 1500', () => {
    expect(readPngHeader(sample)).to.deep.equal({ width: 1800, height: 1500 });
    expect(new ChartService().sessionImageSize).to.deep.equal({ width: 1800, height: 1500 });
  });

  it('is not blank: decoded back, it has contrast and many colours', async () => {
    const stats = await pixelStats(sample);
    expect(stats.variance).to.be.greaterThan(100);
    expect(stats.distinctColours).to.be.greaterThan(200);
  });

  it('the blank-image check does tell a flat image apart (control)', async () => {
    const flat = await new ChartService().renderOption({ backgroundColor: '#313338' }, { width: 300, height: 200 });
    const stats = await pixelStats(flat);
    expect(stats.variance).to.be.lessThan(1);
    expect(stats.distinctColours).to.equal(1);
  });

  it('renders the same bytes twice from the same data', async () => {
    const again = await new ChartService().renderSessionImage(sampleSession(8, 12));
    expect(again.equals(sample)).to.equal(true);
  });

  it('shows names without colour codes, long ones cut with an ellipsis', () => {
    const texts = svgTexts(renderedSvg(buildSessionOption(handMadeSession(), 'sans-serif'), 1800, 1500));
    expect(texts.join('\n')).not.to.contain('^');
    expect(texts).to.include.members(['Bob', 'AceGunner', 'Charlie_LongNam…', 'Session 2026-11-20']);
  });

  it('writes the values on the bars, formatted as worked out by hand', () => {
    const texts = svgTexts(renderedSvg(buildSessionOption(handMadeSession(), 'sans-serif'), 1800, 1500));
    // dpm 250.4 -> 250; accuracy 100/3 -> 33.3%, null -> n/a; 3725 s -> 1h 02m, 754 s -> 12m;
    // damage 12345 -> 12k, 4321 -> 4.3k, 6000 -> 6k.
    expect(texts).to.include.members(['250', '33.3%', '25.0%', 'n/a', '1h 02m', '12m', '12k', '4.3k', '6k', '40', '23']);
    expect(texts).to.include.members([
      'Kills & deaths',
      'Damage per minute',
      'Accuracy',
      'Time played & time dead',
      'Damage given & received',
      'Kills by weapon',
    ]);
  });

  it('names every player on every panel even with 20 players', () => {
    const many = handMadeSession();
    many.players = Array.from({ length: 20 }, (_, i) => ({ ...many.players[0]!, name: `^${i % 10}P${String(i + 1).padStart(2, '0')}`, kills: 100 - i }));
    const texts = svgTexts(renderedSvg(buildSessionOption(many, 'sans-serif'), 1800, 1500));
    for (let i = 1; i <= 20; i++) expect(texts.filter((t) => t === `P${String(i).padStart(2, '0')}`)).to.have.length(5);
  });

  it('orders players by kills in all five player panels', () => {
    const option = buildSessionOption(handMadeSession(), 'sans-serif') as { yAxis: { data: string[] }[] };
    for (const axis of option.yAxis.slice(0, 5)) expect(axis.data).to.deep.equal(['AceGunner', 'Charlie_LongNam…', 'Bob']);
  });

  it('keeps the top 11 weapons and sums the rest into Other', () => {
    const weapons = Array.from({ length: 14 }, (_, i) => ({ name: `W${i + 1}`, kills: 14 - i }));
    const option = buildSessionOption({ ...handMadeSession(), weapons }, 'sans-serif') as {
      yAxis: { data: string[] }[];
      series: { name: string; data: unknown[] }[];
    };
    expect(option.yAxis[5]!.data).to.deep.equal(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8', 'W9', 'W10', 'W11', 'Other']);
    // W12..W14 have 3 + 2 + 1 kills.
    expect(option.series.find((s) => s.name === 'Weapon kills')!.data).to.deep.equal([14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 6]);
  });

  it('renders an empty session with "No data" in each panel instead of failing', async () => {
    const empty: SessionChartData = { title: 'Empty', players: [], weapons: [] };
    const png = await new ChartService().renderSessionImage(empty);
    expect(readPngHeader(png)).to.deep.equal(SESSION_IMAGE_SIZE);
    const texts = svgTexts(renderedSvg(buildSessionOption(empty, 'sans-serif'), 1800, 1500));
    expect(texts.filter((t) => t === 'No data')).to.have.length(6);
  });

  it('rejects bad data with an error naming the field and the reason', async () => {
    const charts = new ChartService();
    const bad = handMadeSession();
    bad.players[1]!.dpm = Number.NaN;
    const nan = await rejection(charts.renderSessionImage(bad));
    expect(nan).to.be.instanceOf(ChartDataError);
    expect(nan.message).to.equal('session.players[1].dpm must be a finite number, got NaN');

    const overHundred = handMadeSession();
    overHundred.players[0]!.accuracy = 140;
    const percent = await rejection(charts.renderSessionImage(overHundred));
    expect(percent.message).to.equal('session.players[0].accuracy is a percentage and must be <= 100, got 140');

    const noWeapons = { title: 'x', players: [] } as unknown as SessionChartData;
    expect((await rejection(charts.renderSessionImage(noWeapons))).message).to.equal('session.weapons must be an array');
    expect(charts.stats().renders).to.equal(0);
  });
});
