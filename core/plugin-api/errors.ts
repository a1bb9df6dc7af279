/** The caller typed something the command cannot use; the message says what and the usage follows. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the user should see as is (e.g. "no rounds imported yet"), not as an internal error. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}
