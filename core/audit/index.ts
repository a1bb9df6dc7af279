export { AdminAction } from './admin-action';
export { AdminActions1764300000000 } from './1764300000000-admin-actions';
export { AuditLog, type AuditEntry, type AuditLogDeps } from './audit-log';
export { AuditServices } from './tokens';
export { auditModule } from './module';
