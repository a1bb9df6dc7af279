import * as echarts from 'echarts';
import { createCanvas, type Canvas } from 'canvas';
import { chartFontFamily } from './fonts';

export interface ChartSize {
  /** CSS pixels; the PNG is width * devicePixelRatio wide. */
  width: number;
  height: number;
}

/** The part of an echarts instance the renderer uses (lets tests count live instances). */
export interface ChartInstance {
  setOption(option: echarts.EChartsCoreOption, opts?: { notMerge?: boolean; lazyUpdate?: boolean }): void;
  dispose(): void;
}

/** Creates a chart on a node-canvas; defaults to `echarts.init`. */
export type ChartInit = (canvas: Canvas, opts: { width: number; height: number; devicePixelRatio: number }) => ChartInstance;

export const defaultChartInit: ChartInit = (canvas, opts) =>
  // echarts accepts any canvas-like object in place of a DOM element on the server.
  echarts.init(canvas as unknown as Parameters<typeof echarts.init>[0], null, { renderer: 'canvas', ...opts });

type PlatformCreateCanvas = NonNullable<Parameters<typeof echarts.setPlatformAPI>[0]['createCanvas']>;

let platformReady = false;

/**
 * echarts measures text with a canvas of the platform; on Node that must be node-canvas.
 * Also registers the fonts. Idempotent; every render calls it.
 */
export function prepareChartPlatform(): void {
  if (platformReady) return;
  chartFontFamily(); // fonts must be registered before any canvas exists
  const measuringCanvas = () => createCanvas(32, 32);
  echarts.setPlatformAPI({ createCanvas: measuringCanvas as unknown as PlatformCreateCanvas });
  platformReady = true;
}

export interface RenderPngOptions {
  devicePixelRatio: number;
  init?: ChartInit;
}

/**
 * Draws one echarts option and encodes it as PNG. Animation is forced off so the first frame is
 * the final one; the chart is disposed whatever happens. Drawing blocks the event loop; the PNG
 * encoding (about half the time) runs on libuv's thread pool.
 */
export async function renderOptionToPng(option: echarts.EChartsCoreOption, size: ChartSize, opts: RenderPngOptions): Promise<Buffer> {
  return encodePng(drawOption(option, size, opts));
}

/** Draws synchronously and returns a copy of the pixels: dispose() clears the chart's own canvas. */
export function drawOption(option: echarts.EChartsCoreOption, size: ChartSize, opts: RenderPngOptions): Canvas {
  prepareChartPlatform();
  const dpr = opts.devicePixelRatio;
  const width = Math.round(size.width * dpr);
  const height = Math.round(size.height * dpr);
  const canvas = createCanvas(width, height);
  const init = opts.init ?? defaultChartInit;
  let chart: ChartInstance | undefined;
  try {
    chart = init(canvas, { width: size.width, height: size.height, devicePixelRatio: dpr });
    chart.setOption({ ...option, animation: false }, { notMerge: true, lazyUpdate: false });
    const copy = createCanvas(width, height);
    copy.getContext('2d').drawImage(canvas, 0, 0);
    return copy;
  } finally {
    chart?.dispose();
  }
}

function encodePng(canvas: Canvas): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    canvas.toBuffer((err, png) => (err ? reject(err) : resolve(png)), 'image/png');
  });
}
