/** The configured database cannot be opened (a directory, a folder that cannot be made, a read-only file SQLite cannot read): one line, nothing ran. */
export class DatabaseOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
