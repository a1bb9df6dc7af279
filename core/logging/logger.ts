import pino from 'pino';

/** The structured logger every part of etbot uses (pino's interface). */
export type Logger = pino.Logger;
