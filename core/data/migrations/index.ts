import { CoreSchema1764000000000 } from './1764000000000-core-schema';
import { FetchedRemoteFiles1764100000000 } from '../../collectors/data/1764100000000-fetched-remote-files';

/** Every core migration, oldest first. Add new ones at the end (one line each). */
export const coreMigrations: (new () => object)[] = [CoreSchema1764000000000, FetchedRemoteFiles1764100000000];
