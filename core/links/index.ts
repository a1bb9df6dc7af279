export { LinkService, type LinkOutcome, type LinkOptions, type PlayerLinkInfo } from './link-service';
export { LinkServices } from './tokens';
