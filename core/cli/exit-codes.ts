/** Exit codes of the etbot command line. */
export const ExitCode = {
  ok: 0,
  /** The command ran but answered with an error (unknown command, bad arguments, denied, failed). */
  commandFailed: 1,
  /** Bad configuration or command-line usage; nothing ran. */
  usage: 2,
  /** An import finished with rejected files under --strict. */
  rejected: 3,
} as const;

/** A command-line mistake found after parsing (a bad path, an unknown export kind): exit 2 with the message. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}
