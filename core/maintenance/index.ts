export { runDatabaseMaintenance, type MaintenanceOptions, type MaintenanceReport } from './database-maintenance';
export { backupFileName, listBackups, pruneBackups } from './backups';
export { regroupAllSessions, type RegroupReport } from './regroup-sessions';
