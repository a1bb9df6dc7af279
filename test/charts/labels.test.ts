import { expect } from 'chai';
import { chartLabel, compactNumber, durationInterval, durationLabel, durationTick } from '../../core/charts/labels';

describe('charts: labels', () => {
  it('strips colour codes and control characters from names', () => {
    expect(chartLabel('^1Red^7Baron')).to.equal('RedBaron');
    // spec §7: in '^^B' the first '^' is kept (followed by '^'), then '^B' is a code.
    expect(chartLabel('^xA^^B')).to.equal('A^');
    expect(chartLabel('Tab\u0007Bell')).to.equal('TabBell');
  });

  it('cuts names longer than 16 characters to 15 plus an ellipsis', () => {
    expect(chartLabel('^xTheExtremelyLongNamedEngineer')).to.equal('TheExtremelyLon…');
    expect(chartLabel('ExactlySixteen16')).to.equal('ExactlySixteen16');
    expect(chartLabel('abcdefghij', 5)).to.equal('abcd…');
  });

  it('names an empty name instead of leaving a hole on the axis', () => {
    expect(chartLabel('^1^2')).to.equal('(unnamed)');
    expect(chartLabel('   ')).to.equal('(unnamed)');
  });

  it('formats numbers compactly', () => {
    expect(compactNumber(999)).to.equal('999');
    expect(compactNumber(1000)).to.equal('1k');
    expect(compactNumber(12345)).to.equal('12k');
    expect(compactNumber(9650)).to.equal('9.7k');
    expect(compactNumber(2_500_000)).to.equal('2.5M');
  });

  it('formats durations', () => {
    expect(durationLabel(3725)).to.equal('1h 02m');
    expect(durationLabel(754)).to.equal('12m');
    expect(durationLabel(75)).to.equal('1m 15s');
    expect(durationTick(5400)).to.equal('1h 30m');
    expect(durationTick(7200)).to.equal('2h');
    expect(durationTick(1200)).to.equal('20m');
  });

  it('spaces duration ticks in whole minutes or hours, at most six of them', () => {
    expect(durationInterval(10_000)).to.equal(1800); // 10000 / 1800 = 5.6 ticks; 1200 would give 8.3
    expect(durationInterval(600)).to.equal(120);
    expect(durationInterval(0)).to.equal(60);
  });
});
