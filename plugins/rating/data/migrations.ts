import { Rating1764300000000 } from './1764300000000-rating';
import { RatingPerformance1765300000000 } from './1765300000000-rating-performance';
import { RatingObjectivePlay1766100000000 } from './1766100000000-rating-objective-play';
import { RatingCalibrationPrior1766300000000 } from './1766300000000-rating-calibration-prior';

/** Every migration of the rating plugin, oldest first. */
export const ratingMigrations = [Rating1764300000000, RatingPerformance1765300000000, RatingObjectivePlay1766100000000, RatingCalibrationPrior1766300000000];
