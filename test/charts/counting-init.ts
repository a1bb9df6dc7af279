import { defaultChartInit, type ChartInit } from '../../core/charts/render-png';

/** Wraps the real echarts init to count instances created and still alive (not disposed). */
export function countingInit(): { init: ChartInit; created: () => number; live: () => number } {
  let created = 0;
  let live = 0;
  const init: ChartInit = (canvas, opts) => {
    const chart = defaultChartInit(canvas, opts);
    created++;
    live++;
    return {
      setOption: (option, setOpts) => chart.setOption(option, setOpts),
      dispose: () => {
        live--;
        chart.dispose();
      },
    };
  };
  return { init, created: () => created, live: () => live };
}
