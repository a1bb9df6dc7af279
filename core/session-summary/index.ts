export * from './types';
export { SessionSummaryService, type SessionSummaryDeps } from './session-summary-service';
export { SessionSummaryServices } from './tokens';
export { sessionSummaryModule } from './module';
export { MVP_FORMULA, MVP_WEIGHTS, mvpPoints, pickMvp } from './mvp';
export { sessionChartData } from './chart-data';
export * from './format';
