import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunOptions } from 'etbot/testing';

export const ADMIN_ID = '222222222222222222';
export const USER_ID = '111111111111111111';
export const ADMIN_CHANNEL = '333333333333333333';

export const asAdmin: RunOptions = { as: ADMIN_ID, name: 'an admin', admin: true };
export const asUser: RunOptions = { as: USER_ID, name: 'a player', admin: false };

/** Configuration naming the admin and the channel health alerts go to. */
export const adminConfig = { discord: { adminUserIds: [ADMIN_ID], adminChannelId: ADMIN_CHANNEL } };

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `etbot-${prefix}-`));
}
