import { createServiceToken } from '../plugin-api/services';
import type { ImportsService } from './imports-service';

export const IngestServices = {
  /** Import files, reimport a stored one, regroup sessions: on an admin's request. */
  Imports: createServiceToken<ImportsService>('imports'),
} as const;
