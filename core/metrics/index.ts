export { OpsMetrics, type MetricsCounts, type MetricsSnapshot, type MetricsListener } from './ops-metrics';
export { percentile } from './percentiles';
export { buildPrometheusRegistry, type PrometheusSources } from './prometheus';
export { MetricsServer } from './metrics-server';
export { MetricsServices } from './tokens';
export { metricsModule } from './module';
