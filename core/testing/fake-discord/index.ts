export { FakeDiscord, type RecordedRequest, type InteractionHandle, type SlashOption, type InteractionOptions } from './fake-discord';
export type { FakeUser, FakeWorld } from './fixtures';
export type { UploadedFile } from './multipart';
export type { MessagePayload } from './messages';
