export { LinkService, type LinkOutcome, type LinkOptions, type PlayerLinkInfo } from './link-service';
export { LinkServices } from './tokens';
export { PlayerLink } from './player-link';
export { PlayerLinks1764200000000 } from './1764200000000-player-links';
