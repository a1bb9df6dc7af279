import { createServiceToken } from '../plugin-api/services';
import type { RatingService } from './rating-service';

export const RatingServices = {
  /**
   * The stopwatch skill rating: `leaderboard({ minMaps, offset, limit })`, `player(guid)`,
   * `ratings(guids)`, `balance(players)`. Reads throw RatingUnavailableError while the rating
   * plugin is disabled (check `isActive`).
   */
  Rating: createServiceToken<RatingService>('rating'),
} as const;
