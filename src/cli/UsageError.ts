/**
 * Bad usage of the command line (unknown option, missing value, conflicting options): the
 * command exits with code 2 and names its `--help`.
 *
 * @internal
 */
export class UsageError extends Error {
  override name = "UsageError";

  constructor(
    message: string,
    /** The command whose help to point at, or undefined for the main help. */
    readonly command?: string,
  ) {
    super(message);
  }
}
