import { createServiceToken } from '../plugin-api/services';
import type { ImportsService } from './imports-service';
import type { IdentitiesService } from './identities/identities-service';

export const IngestServices = {
  /** Import files, reimport a stored one, regroup sessions: on an admin's request. */
  Imports: createServiceToken<ImportsService>('imports'),
  /** One player behind several GUIDs: merge, unmerge, list (admins). */
  Identities: createServiceToken<IdentitiesService>('identities'),
} as const;
