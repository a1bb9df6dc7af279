import { createServiceToken } from '../plugin-api/services';
import type { AuditLog } from './audit-log';

export const AuditServices = {
  /** The admin actions' audit trail (`list()` for the newest entries). */
  Log: createServiceToken<AuditLog>('audit-log'),
} as const;
