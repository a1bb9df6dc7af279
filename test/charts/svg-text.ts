import * as echarts from 'echarts';
import type { EChartsCoreOption } from 'echarts';
import { prepareChartPlatform } from '../../core/charts/render-png';

/**
 * The same option drawn by echarts' SVG server renderer, so a test can read every text the
 * image shows (the PNG path has no text to read back).
 */
export function renderedSvg(option: EChartsCoreOption, width: number, height: number): string {
  prepareChartPlatform(); // fonts and echarts' text measuring, as the service sets them up
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Text contents of every <text> element, entities decoded. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
