export { checkDatabase, checkCollector, sqliteFile, type CheckResult } from './health-checks';
export { HealthMonitor, type HealthMonitorDeps, type HealthReport } from './health-monitor';
