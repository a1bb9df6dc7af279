import { writeFileSync } from 'node:fs';
import { expect } from 'chai';
import { ChartService } from '../../core/charts/chart-service';
import { buildRadarOption } from '../../core/charts/radar-option';
import type { RadarChartData } from '../../core/charts/types';
import { ChartDataError } from '../../core/charts/validate';
import { pixelStats, readPngHeader } from './png-inspect';
import { rejection } from './rejection';
import { sampleRadar } from './sample-data';
import { renderedSvg, svgTexts } from './svg-text';

function handMadeRadar(): RadarChartData {
  return {
    title: 'Compare',
    players: [
      { name: '^1Ace^7Gunner', killDeathRatio: 1.5, dpm: 100, accuracy: 40, headshotPercent: null, revivesPerRound: 0, objectivesPerRound: 2 },
      { name: '^4Bo^3b', killDeathRatio: 3, dpm: 200, accuracy: 20, headshotPercent: 10, revivesPerRound: 1.5, objectivesPerRound: 0.5 },
    ],
  };
}

interface RadarOptionShape {
  series: { data: { name: string; value: number[] }[] }[];
  legend: { data: string[] };
}

describe('charts: compare radar', () => {
  let sample: Buffer;

  before(async () => {
    sample = await new ChartService().renderRadar(sampleRadar());
    writeFileSync('/tmp/etbot-radar-sample.png', sample);
  });

  it('is a PNG of the documented size, 1000 x 820, and not blank', async () => {
    expect(readPngHeader(sample)).to.deep.equal({ width: 1000, height: 820 });
    const stats = await pixelStats(sample);
    expect(stats.variance).to.be.greaterThan(50);
    expect(stats.distinctColours).to.be.greaterThan(100);
  });

  it('renders the same bytes twice', async () => {
    expect((await new ChartService().renderRadar(sampleRadar())).equals(sample)).to.equal(true);
  });

  it('scales with the device pixel ratio', async () => {
    const charts = new ChartService({ devicePixelRatio: 2 });
    expect(readPngHeader(await charts.renderRadar(sampleRadar()))).to.deep.equal({ width: 2000, height: 1640 });
    expect(charts.radarImageSize).to.deep.equal({ width: 2000, height: 1640 });
  });

  it('normalises every axis against max(reference, 1.15 x the better player)', () => {
    const option = buildRadarOption(handMadeRadar(), 'sans-serif') as unknown as RadarOptionShape;
    const [ace, bob] = option.series[0]!.data;
    // K/D: max(2, 3.45) = 3.45; DPM: max(300, 230) = 300; accuracy: max(50, 46) = 50;
    // headshots: max(40, 11.5) = 40 (null counts as 0); revives: max(3, 1.725) = 3; objectives: max(1, 2.3) = 2.3.
    const expectedAce = [1.5 / 3.45, 100 / 300, 40 / 50, 0, 0, 2 / 2.3];
    const expectedBob = [3 / 3.45, 200 / 300, 20 / 50, 10 / 40, 1.5 / 3, 0.5 / 2.3];
    ace!.value.forEach((v, i) => expect(v).to.be.closeTo(expectedAce[i]!, 1e-9));
    bob!.value.forEach((v, i) => expect(v).to.be.closeTo(expectedBob[i]!, 1e-9));
  });

  it('has a legend with both names, colour codes stripped, and both values under each axis', () => {
    const option = buildRadarOption(handMadeRadar(), 'sans-serif') as unknown as RadarOptionShape;
    expect(option.legend.data).to.deep.equal(['AceGunner', 'Bob']);
    const texts = svgTexts(renderedSvg(option as never, 1000, 820));
    expect(texts.join('\n')).not.to.contain('^');
    expect(texts).to.include.members(['AceGunner', 'Bob', 'K/D', 'DPM', 'Accuracy', 'Headshot %', 'Revives / round', 'Objectives / round']);
    // Values as written by hand: K/D 1.50 vs 3.00, accuracy 40.0% vs 20.0%, headshots n/a vs 10.0%.
    expect(texts).to.include.members(['1.50', '3.00', '40.0%', '20.0%', 'n/a', '10.0%', '100', '200']);
  });

  it('tells two players apart whose cleaned names are equal', () => {
    const same = handMadeRadar();
    same.players[1]!.name = '^2Ace^3Gunner';
    const option = buildRadarOption(same, 'sans-serif') as unknown as RadarOptionShape;
    expect(option.legend.data).to.deep.equal(['AceGunner', 'AceGunner (2)']);
  });

  it('rejects anything but two players, naming the field', async () => {
    const one = { title: 'x', players: [handMadeRadar().players[0]] } as unknown as RadarChartData;
    const error = await rejection(new ChartService().renderRadar(one));
    expect(error).to.be.instanceOf(ChartDataError);
    expect(error.message).to.equal('radar.players must hold exactly two players');
  });
});
