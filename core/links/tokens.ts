import { createServiceToken } from '../plugin-api/services';
import type { LinkService } from './link-service';

export const LinkServices = {
  /** Discord user id <-> GUID links. */
  Links: createServiceToken<LinkService>('player-links'),
} as const;
