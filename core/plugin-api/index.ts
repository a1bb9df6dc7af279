export * from './commands';
export * from './disposable';
export * from './events';
export * from './jobs';
export * from './plugin';
export * from './reply';
export * from './services';
export * from './version';
export type { Logger } from '../logging/logger';
