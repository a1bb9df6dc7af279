export { ChartService, type ChartServiceOptions, type RenderRequestOptions } from './chart-service';
export { ChartServices } from './tokens';
export { chartsModule } from './module';
export { ChartDataError } from './validate';
export { RenderQueueFullError, type RenderQueueStats } from './render-queue';
export { SESSION_IMAGE_SIZE } from './session-layout';
export { RADAR_IMAGE_SIZE } from './radar-option';
export type { ChartSize, ChartInit, ChartInstance } from './render-png';
export type * from './types';
