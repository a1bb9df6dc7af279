import { CoreSchema1764000000000 } from './1764000000000-core-schema';
import { FetchedRemoteFiles1764100000000 } from './1764100000000-fetched-remote-files';
import { PlayerLinks1764200000000 } from './1764200000000-player-links';
import { QueryIndexes1764400000000 } from './1764400000000-query-indexes';
import { FewerRowIndexes1764500000000 } from './1764500000000-fewer-row-indexes';
import { PlayerIdentities1766200000000 } from './1766200000000-player-identities';

/** Every core migration, oldest first. Add new ones at the end (one line each). */
export const coreMigrations: (new () => object)[] = [
  CoreSchema1764000000000,
  FetchedRemoteFiles1764100000000,
  PlayerLinks1764200000000,
  QueryIndexes1764400000000,
  FewerRowIndexes1764500000000,
  PlayerIdentities1766200000000,
];
