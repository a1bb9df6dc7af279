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
