import { createHash } from 'node:crypto';
import type { EChartsCoreOption } from 'echarts';
import { chartFontFamily } from './fonts';
import { buildRadarOption, RADAR_IMAGE_SIZE } from './radar-option';
import { renderOptionToPng, type ChartInit, type ChartSize } from './render-png';
import { RenderQueue, type RenderQueueStats } from './render-queue';
import { buildSessionOption } from './session-option';
import { SESSION_IMAGE_SIZE } from './session-layout';
import type { RadarChartData, SessionChartData } from './types';
import { validateRadarData, validateSessionData } from './validate';

export interface ChartServiceOptions {
  /** Pixels per CSS pixel in the PNG. Fixed so output never depends on the machine. Default 1. */
  devicePixelRatio?: number;
  /** Cache limits. Defaults: 64 images, 64 MiB. */
  cacheEntries?: number;
  cacheBytes?: number;
  /** Most renders waiting at once before requests are refused. Default 32. */
  maxPending?: number;
  /** How charts are created; tests wrap the default to count instances. */
  init?: ChartInit;
}

export interface RenderRequestOptions {
  /**
   * Requests with equal keys share a render and its cached PNG until `invalidate()`.
   * Session and radar images default to a hash of their data.
   */
  cacheKey?: string;
}

/**
 * Renders charts to PNG on node-canvas through one queue: one render at a time, identical
 * requests share a render, results cached until the next `invalidate()` (called on every
 * `round.imported`).
 */
export class ChartService {
  private readonly queue: RenderQueue;
  private readonly dpr: number;
  private readonly init: ChartInit | undefined;
  readonly font: string;

  constructor(options: ChartServiceOptions = {}) {
    this.dpr = options.devicePixelRatio ?? 1;
    if (!(this.dpr > 0 && this.dpr <= 4)) throw new RangeError(`devicePixelRatio must be in (0, 4], got ${this.dpr}`);
    this.init = options.init;
    this.font = chartFontFamily();
    this.queue = new RenderQueue({
      maxEntries: options.cacheEntries ?? 64,
      maxBytes: options.cacheBytes ?? 64 * 1024 * 1024,
      maxPending: options.maxPending ?? 32,
    });
  }

  /** Pixel size of the session image: 1800 x 1500 times the device pixel ratio. */
  get sessionImageSize(): ChartSize {
    return this.scaled(SESSION_IMAGE_SIZE);
  }

  /** Pixel size of the compare radar: 1000 x 820 times the device pixel ratio. */
  get radarImageSize(): ChartSize {
    return this.scaled(RADAR_IMAGE_SIZE);
  }

  /** Six graphs in a 2 x 3 grid: kills/deaths, DPM, accuracy, time played/dead, damage, weapons. */
  async renderSessionImage(data: SessionChartData, request: RenderRequestOptions = {}): Promise<Buffer> {
    validateSessionData(data);
    const key = `session:${request.cacheKey ?? hashData(data)}`;
    return this.queue.run(key, () => this.draw(buildSessionOption(data, this.font), SESSION_IMAGE_SIZE));
  }

  /** Two players on six normalised axes with a legend naming both. */
  async renderRadar(data: RadarChartData, request: RenderRequestOptions = {}): Promise<Buffer> {
    validateRadarData(data);
    const key = `radar:${request.cacheKey ?? hashData(data)}`;
    return this.queue.run(key, () => this.draw(buildRadarOption(data, this.font), RADAR_IMAGE_SIZE));
  }

  /**
   * Any echarts option (animation is forced off). Without a cache key every call renders,
   * since options may hold functions and cannot be hashed.
   */
  renderOption(option: EChartsCoreOption, size: ChartSize, request: RenderRequestOptions = {}): Promise<Buffer> {
    const job = () => this.draw(option, size);
    return request.cacheKey === undefined ? this.queue.runUncached(job) : this.queue.run(`option:${request.cacheKey}`, job);
  }

  /** Forget every cached image (new rounds were imported). */
  invalidate(): void {
    this.queue.invalidate();
  }

  stats(): RenderQueueStats {
    return this.queue.stats();
  }

  private draw(option: EChartsCoreOption, size: ChartSize): Promise<Buffer> {
    return renderOptionToPng(option, size, { devicePixelRatio: this.dpr, init: this.init });
  }

  private scaled(size: ChartSize): ChartSize {
    return { width: Math.round(size.width * this.dpr), height: Math.round(size.height * this.dpr) };
  }
}

function hashData(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}
