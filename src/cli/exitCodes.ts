/** Exit code of a command that did what it was asked. @internal */
export const EXIT_OK = 0;
/** Exit code of a command that failed; the reason is one line on standard error. @internal */
export const EXIT_FAILURE = 1;
/** Exit code of bad usage: unknown command or option, missing value, conflicting options. */
export const EXIT_USAGE = 2;
/** Exit code after Ctrl-C (128 + SIGINT), as shells expect. @internal */
export const EXIT_INTERRUPTED = 130;
